package org.cairn.system;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which index the embedded store reads for a query, and how ({@link IndexPlanner}), on real index maps in an
 * in-memory store: whether answers stay a scan's is {@link EmbeddedIndexTests}' part; here, that the plan names the
 * entries a page needs and no more.
 */
class IndexPlannerTests {

	private final MVStore store = MVStore.open(null);

	private int positions;

	@AfterEach
	void close() {
		store.close();
	}

	@Test
	void aUniqueIndexWhoseFieldsTheQueryFixesAnswersItDespiteFurtherConditions() {
		UniqueIndex key = unique("key_1", "key");
		add(key, new Document("key", "k1").append("districtId", "d1"));
		List<Index<Object>> indexes = List.of(secondary("districtId_1", "districtId"), key);

		IndexPlanner.Lookup lookup = IndexPlanner.uniqueLookup(indexes,
				new Document("key", "k1").append("districtId", "d1"));
		assertThat(lookup.index()).isSameAs(key);
		assertThat(lookup.values()).isEqualTo(new Document("key", "k1"));
		assertThat(IndexPlanner.uniqueLookup(indexes, new Document("key", new Document("$in", List.of("k1", "k2")))
			.append("districtId", "d1"))).isNotNull();
		assertThat(IndexPlanner.uniqueLookup(indexes, new Document("districtId", "d1"))).isNull();
		assertThat(IndexPlanner.uniqueLookup(indexes, new Document("key", new Document("$gt", "k")))).isNull();
	}

	@Test
	void theIndexWithTheFewestEntriesUnderTheFixedFieldsIsRead() {
		SecondaryIndex byDistrict = secondary("district_issued", "districtId", "issuedOn");
		SecondaryIndex byPerson = secondary("person", "personId");
		for (int i = 0; i < 1_500; i++) {
			Document d = new Document("districtId", "d1").append("personId", "p" + i % 300)
				.append("issuedOn", new Date(i * 1_000L));
			add(byDistrict, d);
			add(byPerson, d);
		}
		List<Index<Object>> indexes = List.of(byDistrict, byPerson);

		IndexPlanner.Plan person = IndexPlanner.best(indexes,
				new Document("districtId", "d1").append("personId", "p7"), new Document("issuedOn", -1));
		assertThat(person.index()).isSameAs(byPerson);
		assertThat(person.count()).isEqualTo(5);
		// a page of the district by date: read in index order (reversed), so the page's limit stops the read
		IndexPlanner.Plan page = IndexPlanner.best(indexes, new Document("districtId", "d1"),
				new Document("issuedOn", -1).append("_id", 1));
		assertThat(page.index()).isSameAs(byDistrict);
		assertThat(page.ordered()).isTrue();
		assertThat(page.reverse()).isTrue();
		assertThat(IndexPlanner.best(indexes, new Document("state", "ACTIVE"), null)).isNull();
	}

	@Test
	void aRangeOnTheFieldAfterTheFixedOnesNarrowsTheEntriesRead() {
		SecondaryIndex expires = secondary("district_expires", "districtId", "expires");
		for (int i = 0; i < 2_000; i++) {
			add(expires, new Document("districtId", "d1").append("expires", new Date(i * 1_000L)));
		}
		IndexPlanner.Plan window = IndexPlanner.best(List.of(expires), new Document("districtId", "d1")
			.append("expires", new Document("$gt", new Date(100_000L)).append("$lte", new Date(150_000L))),
				new Document("expires", 1));

		assertThat(window.ranged()).isTrue();
		assertThat(window.ordered()).isTrue();
		assertThat(window.count()).isEqualTo(50);
	}

	@Test
	void theRarestConditionUnderAnAndIsRead() {
		SecondaryIndex words = secondary("search_words", "districtId", "words");
		for (int i = 0; i < 500; i++) {
			add(words, new Document("districtId", "d1").append("words", i < 3 ? List.of("ann", "rare") : List.of("ann")));
		}
		IndexPlanner.Plan plan = IndexPlanner.best(List.of(words), new Document("districtId", "d1")
			.append("words", "ann").append("$and", List.of(new Document("words", "rare"))), null);

		assertThat(plan.count()).isEqualTo(3);
		assertThat(plan.from()).isEqualTo(SecondaryIndex.prefix(List.of("d1", "rare")));
	}

	/**
	 * A person's roles are an array: under {@code {districtId, roles, email}} a query fixing the district and one
	 * role still reads its people in email order (as MongoDB does: the array field is fixed by equality), so a page
	 * of assessors reads that page; an array in the sorted field itself gives no order.
	 */
	@Test
	void arraysInAFieldTheQueryFixesKeepTheOrderOfTheFieldsAfterIt() {
		SecondaryIndex roles = secondary("district_roles", "districtId", "roles", "email");
		SecondaryIndex byDistrict = secondary("district_email", "districtId", "email");
		for (int i = 0; i < 3_000; i++) {
			Document person = new Document("districtId", "d1").append("email", String.format("p%05d@example.org", i))
				.append("roles", i % 5 == 0 ? List.of("ASSESSOR", "TEACHER") : List.of("TEACHER"));
			add(roles, person);
			add(byDistrict, person);
		}
		Document assessors = new Document("districtId", "d1").append("roles", "ASSESSOR");
		IndexPlanner.Plan plan = IndexPlanner.best(List.of(byDistrict, roles), assessors, new Document("email", 1));

		assertThat(roles.multikey()).isTrue();
		assertThat(roles.multikey("roles")).isTrue();
		assertThat(roles.multikey("email")).isFalse();
		assertThat(plan.index()).isSameAs(roles);
		assertThat(plan.ordered()).isTrue();

		SecondaryIndex tagged = secondary("district_tags", "districtId", "tags");
		add(tagged, new Document("districtId", "d1").append("tags", List.of("b", "a")));
		assertThat(IndexPlanner.best(List.of(tagged), new Document("districtId", "d1"), new Document("tags", 1))
			.ordered()).isFalse();
	}

	/**
	 * An index built before the fields holding arrays were recorded (a store file from before) finds them once from
	 * its entries: a document with two entries that differ in a field holds an array there.
	 */
	@Test
	void anOlderIndexFindsItsArrayFieldsOnceFromItsEntries() {
		MVMap<String, Boolean> state = store.openMap("older.state");
		state.put("built", Boolean.TRUE); // what an index of an older store file holds
		SecondaryIndex older = new SecondaryIndex("older", keys("districtId", "roles", "email"), false,
				store.openMap("older"), state);
		for (int i = 0; i < 20; i++) {
			add(older, new Document("districtId", "d1").append("email", "p" + i + "@example.org")
				.append("roles", List.of("COACH", "TEACHER")));
		}
		for (String key : List.copyOf(state.keySet())) { // as the older code left it: no field recorded
			if (key.startsWith("multikey:")) {
				state.remove(key);
			}
		}
		assertThat(state.containsKey("multikeyPaths")).isFalse();

		assertThat(older.multikey("email")).isFalse();
		assertThat(older.multikey("roles")).isTrue();
		assertThat(state.get("multikeyPaths")).isTrue();
	}

	private SecondaryIndex secondary(String name, String... fields) {
		return new SecondaryIndex(name, keys(fields), false, store.openMap(name), store.openMap(name + ".state"));
	}

	private UniqueIndex unique(String name, String... fields) {
		MVMap<KeyValue, Object> map = store.openMap(name, new MVMap.Builder<KeyValue, Object>()
			.keyType(new UniqueKeyType()));
		return new UniqueIndex(map, name, keys(fields), false, fields.length < 2 ? null
				: secondary(name + ".prefixes", fields));
	}

	private static List<IndexKey> keys(String... fields) {
		List<IndexKey> keys = new ArrayList<>();
		for (String field : fields) {
			keys.add(new IndexKey(field, true));
		}
		return keys;
	}

	private void add(Index<Object> index, Document document) {
		Object position = document.computeIfAbsent("_id", k -> "id" + positions++);
		index.add(document, position, null);
	}

}
