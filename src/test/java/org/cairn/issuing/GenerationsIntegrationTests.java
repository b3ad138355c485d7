package org.cairn.issuing;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.cairn.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How an instance learns that a district's public documents changed, on the real store: a load is thrown away only
 * when its own district changed meanwhile, and a poll that answers with a counter older than one already seen (read
 * before this instance's own bump) is no change.
 */
class GenerationsIntegrationTests extends IntegrationTest {

	@Autowired
	ReactiveMongoTemplate mongo;

	@Autowired
	IssuingProperties properties;

	@Test
	void aLoadIsThrownAwayOnlyWhenItsOwnDistrictChangedWhileItRan() {
		Generations generations = new Generations(mongo, properties);
		String loaded = "d-" + UUID.randomUUID();
		String other = "d-" + UUID.randomUUID();
		long before = generations.epoch();
		generations.changedHere(other);
		assertThat(generations.changedSince(loaded, before)).as("another district changed").isFalse();
		assertThat(generations.changedSince(other, before)).isTrue();
		generations.changedHere(loaded);
		assertThat(generations.changedSince(loaded, before)).isTrue();
		assertThat(generations.changedSince(loaded, generations.epoch())).as("a load started after the change")
			.isFalse();
	}

	@Test
	void anOlderCounterReadByAPollIsNoChange() {
		Generations generations = new Generations(mongo, properties);
		String district = "d-" + UUID.randomUUID();
		// the other districts in this store (and their changes meanwhile) are not what this is about
		List<String> dropped = new CopyOnWriteArrayList<>();
		generations.onChange(changed -> {
			if (changed.equals(district)) {
				dropped.add(changed);
			}
		});
		generations.bump(district).block();
		generations.bump(district).block();
		assertThat(dropped).hasSize(2);
		long epoch = generations.epoch();

		// a poll that read the counter before the second bump answers after it
		generations.observe(new Generation(district, 1));
		generations.poll();
		assertThat(dropped).as("nothing dropped again").hasSize(2);
		assertThat(generations.changedSince(district, epoch)).isFalse();

		// another instance's bump is a change
		new Generations(mongo, properties).bump(district).block();
		generations.poll();
		assertThat(dropped).hasSize(3);
		assertThat(generations.changedSince(district, epoch)).isTrue();
	}

	@Test
	void theStoredBumpOfAChangeAlreadyDroppedHereDropsNothingAgain() {
		Generations generations = new Generations(mongo, properties); // no poll runs: only what the test does
		String district = "d-" + UUID.randomUUID();
		List<String> dropped = new CopyOnWriteArrayList<>();
		generations.onChange(changed -> {
			if (changed.equals(district)) {
				dropped.add(changed);
			}
		});
		generations.changedHere(district); // a new key, an award: dropped here at once
		generations.bumpDroppedHere(district).block();
		assertThat(dropped).as("documents loaded after the change are current: kept when the bump answers")
			.hasSize(1);
		generations.changedHere(district);
		generations.bumpDroppedHere(district).block();
		assertThat(dropped).hasSize(2);

		// another instance changed the district too: the counter moved by two, which is a change
		new Generations(mongo, properties).bump(district).block();
		generations.changedHere(district);
		generations.bumpDroppedHere(district).block();
		assertThat(dropped).hasSize(4);

		// a bump with nothing dropped here first (a revocation) drops
		generations.bump(district).block();
		assertThat(dropped).hasSize(5);
	}

}
