package org.cairn.system;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Documents the embedded store read, per collection name: a test that counts what one query read must not count what
 * other stores in the same JVM read meanwhile (the application contexts of other test classes keep polling theirs).
 */
final class DocumentsRead {

	private static final Map<String, LongAdder> BY_COLLECTION = new ConcurrentHashMap<>();

	private DocumentsRead() {
	}

	/** The counter of collections of this name, in every embedded store of this JVM. */
	static LongAdder of(String collectionName) {
		return BY_COLLECTION.computeIfAbsent(collectionName, name -> new LongAdder());
	}

	/** Documents read so far from collections of this name. */
	static long in(String collectionName) {
		LongAdder read = BY_COLLECTION.get(collectionName);
		return read == null ? 0 : read.sum();
	}

}
