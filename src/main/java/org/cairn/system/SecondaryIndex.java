package org.cairn.system;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;

/**
 * A non-unique index of the embedded store, which mongo-java-server leaves unimplemented (it scans instead): a
 * persisted sorted map from the encoded index values plus the document's position ({@link IndexOrder}) to the
 * position. Being persisted, it is never rebuilt at start-up; it is built once, when first declared on a collection
 * that already holds documents. {@link IndexedH2Collection} plans queries with it.
 */
final class SecondaryIndex extends Index<Object> {

	private static final String BUILT = "built";

	private static final String MULTIKEY = "multikey";

	/** Set when the fields holding arrays are recorded ({@code multikey:<field>}): since its build, or derived once. */
	private static final String PATHS = "multikeyPaths";

	/** Past this many entries, which fields hold arrays is not derived from an older index's entries. */
	private static final int DERIVE_AT_MOST = 500_000;

	private final MVMap<String, Object> entries;

	/** Whether the index was built (so an empty index is not rebuilt by scanning at every start) and is multikey. */
	private final MVMap<String, Boolean> state;

	SecondaryIndex(String name, List<IndexKey> keys, boolean sparse, MVMap<String, Object> entries,
			MVMap<String, Boolean> state) {
		super(name, keys, sparse);
		this.entries = entries;
		this.state = state;
		if (state.isEmpty()) { // a new index: every array it meets is recorded by field from its first entry
			state.put(PATHS, Boolean.TRUE);
		}
	}

	List<String> fields() {
		return keys();
	}

	/** Documents without any of its fields have no entry. */
	boolean sparse() {
		return isSparse();
	}

	/** An array in some indexed field: one document has several entries, so the index order is no sort order. */
	boolean multikey() {
		return Boolean.TRUE.equals(state.get(MULTIKEY));
	}

	/**
	 * Whether some document holds an array in this field, as MongoDB keeps "multikey paths": an index whose arrays
	 * are all in fields a query fixes by equality still gives the sort order of its later fields (each document has
	 * one entry per equal element; the reader skips repeats). An index built before the fields were recorded has
	 * them derived once from its entries (a document with two entries differing in the field), or, past
	 * {@link #DERIVE_AT_MOST} entries, every field counts as holding arrays.
	 */
	boolean multikey(String field) {
		if (!multikey()) {
			return false;
		}
		if (!Boolean.TRUE.equals(state.get(PATHS)) && !derivePaths()) {
			return true;
		}
		return Boolean.TRUE.equals(state.get(MULTIKEY + ":" + field));
	}

	private synchronized boolean derivePaths() {
		if (Boolean.TRUE.equals(state.get(PATHS))) {
			return true;
		}
		if (entries.sizeAsLong() > DERIVE_AT_MOST) {
			return false;
		}
		List<String> fields = keys();
		java.util.Map<Object, String> first = new java.util.HashMap<>();
		for (Iterator<Entry> it = range("", String.valueOf(IndexOrder.END), false); it.hasNext();) {
			Entry entry = it.next();
			String components = IndexOrder.head(entry.key(), fields.size());
			String earlier = first.putIfAbsent(entry.position(), components);
			if (earlier != null && !earlier.equals(components)) {
				for (int i = 0; i < fields.size(); i++) {
					if (!component(earlier, i).equals(component(components, i))) {
						state.put(MULTIKEY + ":" + fields.get(i), Boolean.TRUE);
					}
				}
			}
		}
		// an empty array has one entry (null): a field whose only arrays are empty is not found this way
		state.put(PATHS, Boolean.TRUE);
		return true;
	}

	private static String component(String key, int index) {
		int start = IndexOrder.head(key, index).length();
		return key.substring(start, IndexOrder.end(key, start));
	}

	@Override
	public Object getPosition(Document document) {
		return null; // positions are found through the unique indexes
	}

	@Override
	public void checkAdd(Document document, MongoCollection<Object> collection) {
		// never a constraint
	}

	@Override
	public void add(Document document, Object position, MongoCollection<Object> collection) {
		state.putIfAbsent(BUILT, Boolean.TRUE);
		if (skipped(document)) {
			return;
		}
		Set<KeyValue> values = entriesOf(document);
		if (values.size() > 1 && !multikey()) {
			state.put(MULTIKEY, Boolean.TRUE);
		}
		for (String key : keys()) {
			// one element is one entry, as a plain value is; none or several make the field a multikey path
			if (Utils.getSubdocumentValueCollectionAware(document, key) instanceof Collection<?> array
					&& array.size() != 1 && !state.containsKey(MULTIKEY + ":" + key)) {
				state.put(MULTIKEY + ":" + key, Boolean.TRUE);
			}
		}
		for (KeyValue value : values) {
			entries.put(entry(value, position), position);
		}
	}

	@Override
	public Object remove(Document document) {
		Object position = Missing.ofNullable(Utils.getSubdocumentValue(document, "_id"));
		if (skipped(document)) {
			return null;
		}
		for (KeyValue value : entriesOf(document)) {
			entries.remove(entry(value, position));
		}
		return position;
	}

	@Override
	public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<Object> collection) {
		// never a constraint
	}

	@Override
	public void updateInPlace(Document oldDocument, Document newDocument, Object position,
			MongoCollection<Object> collection) {
		if (nullAwareEqualsKeys(oldDocument, newDocument)) {
			return;
		}
		if (!skipped(oldDocument)) {
			for (KeyValue value : entriesOf(oldDocument)) {
				entries.remove(entry(value, position));
			}
		}
		add(newDocument, position, collection);
	}

	/**
	 * The document's entries: one per array element, and one (the array as null) for an empty array, which
	 * mongo-java-server's key expansion drops, so a read by the other fields still finds the document.
	 */
	private Set<KeyValue> entriesOf(Document document) {
		Set<KeyValue> values = getKeyValues(document);
		if (!values.isEmpty()) {
			return values;
		}
		List<Object> components = new ArrayList<>();
		for (String key : keys()) {
			Object value = Utils.getSubdocumentValueCollectionAware(document, key);
			components.add(value instanceof Collection ? null : value);
		}
		if (!multikey()) {
			state.put(MULTIKEY, Boolean.TRUE);
		}
		return Set.of(new KeyValue(components));
	}

	private boolean skipped(Document document) {
		return isSparse() && keys().stream()
			.allMatch(key -> Missing.isNullOrMissing(Utils.getSubdocumentValue(document, key)));
	}

	private static String entry(KeyValue value, Object position) {
		StringBuilder key = new StringBuilder();
		for (Object component : value) {
			IndexOrder.append(key, component);
		}
		IndexOrder.append(key, position);
		return key.toString();
	}

	/** The encoded prefix of the first {@code values.size()} fields. */
	static String prefix(List<Object> values) {
		StringBuilder key = new StringBuilder();
		for (Object value : values) {
			IndexOrder.append(key, value);
		}
		return key.toString();
	}

	/**
	 * The entries under a prefix in index order (or reversed), as key and position; lazily, so a query with a
	 * limit reads no further than it needs.
	 */
	Iterator<Entry> range(String prefix, boolean reverse) {
		return range(prefix, prefix + IndexOrder.END, reverse);
	}

	/**
	 * The entries whose keys lie in {@code [from, to]} in index order (or reversed), as key and position; lazily, so
	 * a query with a limit reads no further than it needs.
	 */
	Iterator<Entry> range(String from, String to, boolean reverse) {
		Cursor<String, Object> cursor = reverse ? entries.cursor(to, from, true) : entries.cursor(from, to, false);
		return new Iterator<>() {

			private Entry next = advance();

			private Entry advance() {
				while (cursor.hasNext()) {
					String key = cursor.next();
					if (key.compareTo(from) >= 0 && key.compareTo(to) <= 0) {
						return new Entry(key, cursor.getValue());
					}
				}
				return null;
			}

			@Override
			public boolean hasNext() {
				return next != null;
			}

			@Override
			public Entry next() {
				if (next == null) {
					throw new NoSuchElementException();
				}
				Entry current = next;
				next = advance();
				return current;
			}

		};
	}

	/** How many entries lie in {@code [from, to]}, counting no further than {@code cap}. */
	int count(String from, String to, int cap) {
		int n = 0;
		for (Iterator<Entry> it = range(from, to, false); it.hasNext() && n < cap; it.next()) {
			n++;
		}
		return n;
	}

	record Entry(String key, Object position) {
	}

	@Override
	public boolean canHandle(Document query) {
		return false; // the collection plans with range(), which mongo-java-server's planner does not know
	}

	@Override
	public Iterable<Object> getPositions(Document query) {
		throw new UnsupportedOperationException("planned by IndexedH2Collection");
	}

	@Override
	public long getCount() {
		return entries.sizeAsLong();
	}

	/** Built once: an index over documents that have none of its fields stays empty, and is not rebuilt each start. */
	@Override
	public boolean isEmpty() {
		return !Boolean.TRUE.equals(state.get(BUILT));
	}

	@Override
	public long getDataSize() {
		return getCount();
	}

	@Override
	public void drop() {
		entries.clear();
		state.clear();
	}

}
