package org.cairn.system;

import java.util.List;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.AbstractSynchronizedMongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DatabaseResolver;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import io.netty.channel.Channel;
import org.h2.mvstore.FileStore;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 database (same map names, so existing data files open unchanged) with the secondary
 * indexes it lacks ({@link SecondaryIndex}) and a query planner that uses them ({@link IndexedH2Collection}).
 */
final class IndexedH2Database extends AbstractSynchronizedMongoDatabase<Object> {

	static final String DATABASES_PREFIX = "databases.";

	private static final String META_PREFIX = "meta.";

	private static final String STATE = "._state";

	/** The map of a compound unique index's entries by their leading fields ({@link UniqueIndex#prefixes()}). */
	private static final String PREFIXES = "._prefixes";

	private final MVStore mvStore;

	IndexedH2Database(String databaseName, MVStore mvStore, CursorRegistry cursorRegistry) {
		super(databaseName, cursorRegistry);
		this.mvStore = mvStore;
		initializeNamespacesAndIndexes();
	}

	@Override
	protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
			boolean sparse) {
		String name = mapNameForIndex(collectionName, indexName);
		MVMap<KeyValue, Object> map = mvStore.openMap(name, new MVMap.Builder<KeyValue, Object>().keyType(new UniqueKeyType()));
		SecondaryIndex prefixes = keys.size() < 2 ? null
				: secondary(name + PREFIXES, indexName + PREFIXES, keys, sparse);
		return new UniqueIndex(map, indexName, keys, sparse, prefixes);
	}

	@Override
	protected Index<Object> openOrCreateSecondaryIndex(String collectionName, String indexName, List<IndexKey> keys,
			boolean sparse) {
		return secondary(mapNameForIndex(collectionName, indexName), indexName, keys, sparse);
	}

	private SecondaryIndex secondary(String mapName, String indexName, List<IndexKey> keys, boolean sparse) {
		MVMap<String, Object> entries = mvStore.openMap(mapName);
		MVMap<String, Boolean> state = mvStore.openMap(mapName + STATE);
		return new SecondaryIndex(indexName, keys, sparse, entries, state);
	}

	@Override
	protected void dropIndex(MongoCollection<Object> collection, String indexName) {
		super.dropIndex(collection, indexName);
		String name = mapNameForIndex(collection.getCollectionName(), indexName);
		for (String map : List.of(name, name + STATE, name + PREFIXES, name + PREFIXES + STATE)) {
			if (mvStore.hasMap(map)) {
				mvStore.removeMap(map);
			}
		}
	}

	private String mapNameForIndex(String collectionName, String indexName) {
		return getFullCollectionNamespace(collectionName) + "._index_" + indexName;
	}

	@Override
	public void drop(Oplog oplog) {
		super.drop(oplog);
		mvStore.getMapNames().stream()
			.filter(name -> name.startsWith(databaseName + ".") || name.startsWith(DATABASES_PREFIX + databaseName)
					|| name.startsWith(META_PREFIX + databaseName))
			.toList()
			.forEach(name -> mvStore.removeMap(name));
	}

	@Override
	protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
		String fullName = getFullCollectionNamespace(collectionName);
		return new IndexedH2Collection(this, collectionName, options, mvStore.openMap(DATABASES_PREFIX + fullName),
				mvStore.openMap(META_PREFIX + fullName), cursorRegistry);
	}

	/**
	 * An aggregation whose pipeline starts with a {@code $match} reads its source through the planner (the original
	 * reads the whole collection and filters it in the first stage): the reports' per-district aggregations read the
	 * district's documents, not every district's.
	 */
	@Override
	public Document handleCommand(Channel channel, String command, Document query, DatabaseResolver databaseResolver,
			Oplog oplog) {
		Document match = "aggregate".equalsIgnoreCase(command) ? leadingMatch(query) : null;
		if (match == null) {
			return super.handleCommand(channel, command, query, databaseResolver, oplog);
		}
		IndexedH2Collection.matchingNextAggregation(String.valueOf(query.get(command)), match);
		try {
			return super.handleCommand(channel, command, query, databaseResolver, oplog);
		}
		finally {
			IndexedH2Collection.matchingNextAggregation(null, null);
		}
	}

	private static Document leadingMatch(Document aggregate) {
		if (aggregate.get("pipeline") instanceof List<?> stages && !stages.isEmpty()
				&& stages.get(0) instanceof Document first && first.size() == 1
				&& first.get("$match") instanceof Document match) {
			return match;
		}
		return null;
	}

	@Override
	protected long getStorageSize() {
		FileStore<?> fileStore = mvStore.getFileStore();
		return fileStore == null ? 0 : fileStore.size();
	}

	@Override
	protected long getFileSize() {
		return getStorageSize();
	}

	@Override
	public void dropCollection(String collectionName, Oplog oplog) {
		super.dropCollection(collectionName, oplog);
		String fullName = getFullCollectionNamespace(collectionName);
		mvStore.removeMap(mvStore.openMap(DATABASES_PREFIX + fullName));
		mvStore.removeMap(mvStore.openMap(META_PREFIX + fullName));
	}

	@Override
	public void moveCollection(MongoDatabase oldDatabase, MongoCollection<?> collection, String newCollectionName) {
		super.moveCollection(oldDatabase, collection, newCollectionName);
		String newFullName = getFullCollectionNamespace(newCollectionName);
		mvStore.renameMap(mvStore.openMap(DATABASES_PREFIX + collection.getFullName()), DATABASES_PREFIX + newFullName);
		mvStore.renameMap(mvStore.openMap(META_PREFIX + collection.getFullName()), META_PREFIX + newFullName);
	}

}
