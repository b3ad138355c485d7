package org.cairn.system;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.h2.mvstore.MVStore;

/** mongo-java-server's H2 backend with {@link IndexedH2Database}: secondary indexes and a planner that uses them. */
final class IndexedH2Backend extends H2Backend {

	/** Pages of the file kept in memory: documents and index entries a query touches are read from here. */
	private static final int CACHE_MB = 64;

	IndexedH2Backend(String fileName) {
		super(new MVStore.Builder().fileName(fileName).cacheSize(CACHE_MB).open());
	}

	@Override
	protected MongoDatabase openOrCreateDatabase(String databaseName) {
		return new IndexedH2Database(databaseName, getMvStore(), getCursorRegistry());
	}

}
