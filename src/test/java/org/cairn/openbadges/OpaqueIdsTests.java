package org.cairn.openbadges;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OpaqueIdsTests {

	@Test
	void timeOrderedIdsSortByCreationTimeAndLookLikeEveryOtherPublicId() {
		long start = Instant.parse("2026-11-30T00:00:00Z").toEpochMilli();
		List<String> made = new ArrayList<>();
		for (long t = start; t < start + 5_000; t += 7) {
			made.add(OpaqueIds.timeOrdered(t));
		}
		made.add(OpaqueIds.timeOrdered(Instant.parse("2100-01-01T00:00:00Z").toEpochMilli()));
		List<String> sorted = new ArrayList<>(made);
		sorted.sort(null);
		assertThat(sorted).as("string order is creation order (the store's B-trees append)").isEqualTo(made);
		assertThat(made).allSatisfy(id -> {
			assertThat(id).matches("[A-Za-z][A-Za-z0-9_-]{21}");
			assertThat(id).hasSameSizeAs(OpaqueIds.next());
		});
	}

	@Test
	void idsOfTheSameMillisecondDifferIn84RandomBits() {
		long now = System.currentTimeMillis();
		Set<String> ids = new HashSet<>();
		Set<String> tails = new HashSet<>();
		for (int i = 0; i < 10_000; i++) {
			String id = OpaqueIds.timeOrdered(now);
			ids.add(id);
			tails.add(id.substring(8, 10));
			assertThat(id).startsWith(OpaqueIds.timeOrdered(now).substring(0, 8));
		}
		assertThat(ids).hasSize(10_000);
		// the first two random characters take ~3,740 of their 4,096 values over 10,000 random ids (not a constant or a counter)
		assertThat(tails).hasSizeGreaterThan(3_500); // 3,740 expected
	}

}
