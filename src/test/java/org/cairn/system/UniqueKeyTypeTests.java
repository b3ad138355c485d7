package org.cairn.system;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Random;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The unique indexes' key type orders keys exactly as H2's own type did, so store files written before it open
 * unchanged and every unique key is still found (a different order would make lookups miss and let duplicates in).
 */
class UniqueKeyTypeTests {

	private static final Random RANDOM = new Random(14);

	@Test
	void ordersEveryKindOfKeyExactlyAsH2sObjectDataTypeDoes() {
		List<KeyValue> keys = keys(2_000);
		ObjectDataType h2 = new ObjectDataType();
		UniqueKeyType ours = new UniqueKeyType();
		for (int round = 0; round < 3; round++) { // again, now from the cache
			for (int i = 0; i < 20_000; i++) {
				KeyValue a = keys.get(RANDOM.nextInt(keys.size()));
				KeyValue b = keys.get(RANDOM.nextInt(keys.size()));
				assertThat(Integer.signum(ours.compare(a, b))).as("%s vs %s", a, b)
					.isEqualTo(Integer.signum(h2.compare(a, b)));
				// an equal key built anew (as a lookup builds it) compares equal, not by identity
				KeyValue copy = new KeyValue(a.stream().toList());
				assertThat(ours.compare(copy, a)).isZero();
			}
		}
	}

	@Test
	void aUniqueIndexWrittenWithH2sTypeIsReadWithOursAndStillRefusesADuplicate(@TempDir Path dir) {
		String file = dir.resolve("store.mv").toString();
		List<KeyValue> keys = keys(5_000);
		try (MVStore before = new MVStore.Builder().fileName(file).open()) {
			MVMap<KeyValue, Object> index = before.openMap("db.collection._index_key");
			for (int i = 0; i < keys.size(); i++) {
				index.putIfAbsent(keys.get(i), "doc-" + i);
			}
		}
		try (MVStore after = new MVStore.Builder().fileName(file).open()) {
			MVMap<KeyValue, Object> index = after.openMap("db.collection._index_key",
					new MVMap.Builder<KeyValue, Object>().keyType(new UniqueKeyType()));
			for (KeyValue key : keys) {
				KeyValue lookup = new KeyValue(key.stream().toList());
				assertThat(index.get(lookup)).as("%s", key).isNotNull();
				assertThat(index.putIfAbsent(lookup, "another")).as("a duplicate of %s", key).isNotNull();
			}
			KeyValue added = new KeyValue(List.of("a key written after the upgrade"));
			assertThat(index.putIfAbsent(added, "new")).isNull();
			assertThat(index.get(new KeyValue(List.of("a key written after the upgrade")))).isEqualTo("new");
		}
	}

	/** Distinct keys of the kinds Cairn's unique indexes hold: strings, ids, numbers, dates, nulls, compound keys. */
	private static List<KeyValue> keys(int count) {
		List<KeyValue> keys = new ArrayList<>();
		java.util.Set<String> seen = new java.util.HashSet<>();
		while (keys.size() < count) {
			List<Object> values = new ArrayList<>();
			int fields = 1 + RANDOM.nextInt(3);
			for (int f = 0; f < fields; f++) {
				values.add(switch (RANDOM.nextInt(7)) {
					case 0 -> "bulk:" + RANDOM.nextInt(50) + ":person" + RANDOM.nextInt(5000) + "@example.org";
					case 1 -> new ObjectId();
					case 2 -> RANDOM.nextInt(1000);
					case 3 -> RANDOM.nextLong();
					case 4 -> new Date(RANDOM.nextInt(1_000_000));
					case 5 -> null;
					default -> new Document("slug", "district-" + RANDOM.nextInt(100));
				});
			}
			if (seen.add(values.toString() + values.stream().map(v -> v == null ? "null" : v.getClass().getName()).toList())) {
				keys.add(new KeyValue(values));
			}
		}
		return keys;
	}

}
