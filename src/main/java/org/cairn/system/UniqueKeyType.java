package org.cairn.system;

import de.bwaldvogel.mongo.backend.KeyValue;
import org.h2.mvstore.type.ObjectDataType;

/**
 * The key type of the embedded store's unique indexes: H2's {@link ObjectDataType}, the same format on disk and the
 * same order, with each key's serialized form kept for a while. H2 orders {@link KeyValue}s (not
 * {@code Comparable}) by serializing both sides at every step of a binary search; that was a fifth of the CPU of a
 * bulk award in a JFR profile, as every insert checks and updates each unique index of its collection. The keys of a
 * tree's upper pages are compared at every lookup, so a small per-thread cache keyed by identity serializes them once.
 * Equal bytes come from the same object only, so the order is exactly H2's (a key's bytes never change: keys are
 * immutable once in a map).
 */
final class UniqueKeyType extends ObjectDataType {

	private static final int SLOTS = 512;

	/** Direct-mapped, by identity: slot {@code i} holds a key and, at {@code i + SLOTS}, its bytes. */
	private static final ThreadLocal<Object[]> SERIALIZED = ThreadLocal.withInitial(() -> new Object[2 * SLOTS]);

	@Override
	public int compare(Object a, Object b) {
		if (a instanceof KeyValue && b instanceof KeyValue) {
			return a == b ? 0 : compareNotNull(bytes(a), bytes(b));
		}
		return super.compare(a, b);
	}

	private static byte[] bytes(Object key) {
		Object[] cache = SERIALIZED.get();
		int slot = System.identityHashCode(key) & (SLOTS - 1);
		if (cache[slot] == key) {
			return (byte[]) cache[slot + SLOTS];
		}
		byte[] bytes = serialize(key);
		cache[slot] = key;
		cache[slot + SLOTS] = bytes;
		return bytes;
	}

}
