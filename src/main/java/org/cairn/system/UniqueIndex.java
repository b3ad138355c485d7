package org.cairn.system;

import java.util.List;
import java.util.Map.Entry;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.KeyConstraintError;
import org.h2.mvstore.MVMap;

/**
 * mongo-java-server's H2 unique index (same map, same entries), here because its constructor is package-private.
 * Its map is ordered by serialized keys, which answers a lookup of every field but no prefix; a compound unique index
 * therefore keeps its entries in a {@link SecondaryIndex} too ({@link #prefixes()}), so a query fixing its leading
 * fields ({@code {enrollmentId}} under {@code {enrollmentId, tierKey}}) reads the documents under them, as MongoDB
 * does with the same index.
 */
final class UniqueIndex extends AbstractUniqueIndex<Object> {

	private final MVMap<KeyValue, Object> map;

	private final SecondaryIndex prefixes;

	UniqueIndex(MVMap<KeyValue, Object> map, String name, List<IndexKey> keys, boolean sparse,
			SecondaryIndex prefixes) {
		super(name, keys, sparse);
		this.map = map;
		this.prefixes = prefixes;
	}

	/** The same entries ordered by their leading fields, for a compound index; null for a single field. */
	SecondaryIndex prefixes() {
		return prefixes;
	}

	@Override
	public synchronized void add(Document document, Object position, MongoCollection<Object> collection) {
		super.add(document, position, collection);
		if (prefixes != null) {
			prefixes.add(document, position, collection);
		}
	}

	@Override
	public synchronized Object remove(Document document) {
		Object position = super.remove(document);
		if (prefixes != null) {
			prefixes.remove(document);
		}
		return position;
	}

	@Override
	public void updateInPlace(Document oldDocument, Document newDocument, Object position,
			MongoCollection<Object> collection) throws KeyConstraintError {
		super.updateInPlace(oldDocument, newDocument, position, collection);
		if (prefixes != null) {
			prefixes.updateInPlace(oldDocument, newDocument, position, collection);
		}
	}

	@Override
	public void drop() {
		super.drop();
		if (prefixes != null) {
			prefixes.drop();
		}
	}

	@Override
	protected Object removeDocument(KeyValue keyValue) {
		return map.remove(keyValue);
	}

	@Override
	protected boolean putKeyPosition(KeyValue keyValue, Object position) {
		return map.putIfAbsent(keyValue, Missing.ofNullable(position)) == null;
	}

	@Override
	protected Iterable<Entry<KeyValue, Object>> getIterable() {
		return map.entrySet();
	}

	@Override
	protected Object getPosition(KeyValue keyValue) {
		return map.get(keyValue);
	}

	@Override
	public long getCount() {
		return map.sizeAsLong();
	}

	@Override
	public boolean isEmpty() {
		return map.isEmpty();
	}

	@Override
	public long getDataSize() {
		return getCount();
	}

	/** Forgets the entries of a build that failed (see {@link IndexedH2Collection#addIndex}). */
	void clear() {
		map.clear();
	}

}
