package org.cairn.system;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The embedded store's secondary indexes and planner answer exactly what a scan answers: every query runs on a
 * collection with Cairn-like indexes and on a copy without any (which mongo-java-server scans), before and after
 * updates, deletes and a restart, and the results must be equal, in order where the sort decides the order.
 */
class EmbeddedIndexTests {

	private static final List<String> DISTRICTS = List.of("d1", "d2", "d3", "d4");

	@TempDir
	Path dataDir;

	private final Random random = new Random(14);

	@Test
	void indexedQueriesAnswerWhatAScanAnswersThroughChangesAndARestart() {
		List<Document> documents = new ArrayList<>();
		for (int i = 0; i < 3_000; i++) {
			documents.add(new Document("_id", new ObjectId().toHexString())
				.append("key", "k" + i)
				.append("districtId", DISTRICTS.get(random.nextInt(DISTRICTS.size())))
				.append("personId", "p" + random.nextInt(60))
				// few distinct instants: many ties, which the _id tie-breaker orders
				.append("issuedOn", java.util.Date.from(Instant.ofEpochSecond(1_700_000_000L + random.nextInt(400))))
				.append("state", random.nextBoolean() ? "ACTIVE" : "PROPOSED")
				.append("tags", List.of("t" + random.nextInt(5), "t" + random.nextInt(5)))
				.append("n", random.nextInt(10)));
		}
		// what indexes must not lose: a missing or null field, an empty array
		for (int i = 0; i < documents.size(); i += 37) {
			documents.get(i).remove("personId");
			documents.get(i + 1).put("personId", null);
			documents.get(i + 2).put("tags", List.of());
		}
		try (EmbeddedMongo store = EmbeddedMongo.start(dataDir); MongoClient client = client(store)) {
			MongoDatabase db = client.getDatabase("cairn");
			MongoCollection<Document> indexed = db.getCollection("indexed");
			block(indexed.createIndex(new Document("districtId", 1).append("issuedOn", -1)));
			block(indexed.createIndex(new Document("personId", 1)));
			block(indexed.createIndex(new Document("districtId", 1).append("state", 1).append("n", 1)));
			block(indexed.createIndex(new Document("tags", 1)));
			block(indexed.createIndex(new Document("districtId", 1).append("tags", 1)));
			block(indexed.createIndex(new Document("key", 1), new IndexOptions().unique(true)));
			// half inserted before an index exists (built once when declared), half after
			block(indexed.insertMany(documents.subList(0, 1_500)));
			block(indexed.createIndex(new Document("districtId", 1).append("personId", 1)));
			block(indexed.insertMany(documents.subList(1_500, documents.size())));
			block(db.getCollection("scanned").insertMany(documents));
			assertSameAnswers(db);

			for (MongoCollection<Document> c : List.of(indexed, db.getCollection("scanned"))) {
				block(c.updateMany(new Document("personId", "p7"), new Document("$set",
						new Document("districtId", "d9").append("issuedOn", java.util.Date.from(Instant.ofEpochSecond(1))))));
				block(c.updateMany(new Document("districtId", "d2").append("n", 3),
						new Document("$set", new Document("state", "DECLINED"))));
				block(c.deleteMany(new Document("districtId", "d3").append("personId", "p11")));
				block(c.updateOne(new Document("key", "k5"), new Document("$set", new Document("tags", List.of("t9")))));
			}
			assertSameAnswers(db);
		}
		try (EmbeddedMongo store = EmbeddedMongo.start(dataDir); MongoClient client = client(store)) {
			MongoDatabase db = client.getDatabase("cairn");
			// the index entries were persisted, not rebuilt by a scan at start-up (mongo-java-server names the sizes "indexSize")
			Document stats = block(db.runCommand(new Document("collStats", "indexed")));
			long count = block(db.getCollection("indexed").countDocuments());
			assertThat(((Number) stats.get("indexSize", Document.class).get("districtId_1_issuedOn_-1")).longValue())
				.isEqualTo(count);
			Document added = new Document("_id", new ObjectId().toHexString()).append("key", "after-restart")
				.append("districtId", "d1").append("personId", "p1").append("issuedOn", new java.util.Date())
				.append("state", "ACTIVE").append("tags", List.of("t1")).append("n", 1);
			block(db.getCollection("indexed").insertOne(added));
			block(db.getCollection("scanned").insertOne(added));
			assertSameAnswers(db);
		}
	}

	/**
	 * A unique index over duplicates is refused every time it is asked for, not only the first: the first build's
	 * entries stayed in its map, and the next attempt took the map as built and registered it over the duplicates.
	 */
	@Test
	void aUniqueIndexOverDuplicatesIsRefusedAgainUntilTheyAreGone() {
		try (EmbeddedMongo store = EmbeddedMongo.start(dataDir); MongoClient client = client(store)) {
			MongoCollection<Document> people = client.getDatabase("cairn").getCollection("people");
			block(people.insertOne(new Document("_id", "a").append("email", "same@example.org")));
			block(people.insertOne(new Document("_id", "b").append("email", "same@example.org")));
			block(people.insertOne(new Document("_id", "c").append("email", "other@example.org")));
			for (int attempt = 0; attempt < 2; attempt++) {
				assertThatThrownBy(() -> block(people.createIndex(new Document("email", 1),
						new IndexOptions().unique(true)))).hasMessageContaining("duplicate key");
			}
			assertThat(Flux.from(people.listIndexes()).map(index -> index.getString("name")).collectList().block())
				.containsExactly("_id_");
			block(people.deleteOne(new Document("_id", "b")));
			block(people.createIndex(new Document("email", 1), new IndexOptions().unique(true)));
			assertThatThrownBy(() -> block(people.insertOne(new Document("_id", "d").append("email", "same@example.org"))))
				.hasMessageContaining("duplicate key");
			block(people.insertOne(new Document("_id", "e").append("email", "new@example.org")));
		}
	}

	private void assertSameAnswers(MongoDatabase db) {
		MongoCollection<Document> indexed = db.getCollection("indexed");
		MongoCollection<Document> scanned = db.getCollection("scanned");
		Document byIssued = new Document("issuedOn", -1).append("_id", 1);
		for (String d : List.of("d1", "d2", "d3", "d9", "none")) {
			Document district = new Document("districtId", d);
			same(indexed, scanned, district, byIssued, 0, 0);
			same(indexed, scanned, district, byIssued, 0, 50);
			same(indexed, scanned, district, byIssued, 100, 50);
			same(indexed, scanned, district, new Document("issuedOn", 1).append("_id", -1), 20, 7);
			same(indexed, scanned, district, new Document("_id", 1), 0, 10);
			same(indexed, scanned, new Document(district).append("personId", "p3"), byIssued, 0, 0);
			same(indexed, scanned, new Document(district).append("state", "PROPOSED"), new Document("n", 1)
				.append("_id", 1), 0, 25);
			same(indexed, scanned, new Document(district).append("issuedOn",
					new Document("$gt", java.util.Date.from(Instant.ofEpochSecond(1_700_000_200L)))), byIssued, 0, 30);
			same(indexed, scanned, new Document(district).append("$or", List.of(new Document("n", 1),
					new Document("personId", "p2"))), byIssued, 0, 0);
			assertThat(block(indexed.countDocuments(district))).isEqualTo(block(scanned.countDocuments(district)));
			// several words of a search: one condition on the field, the others under $and (the rarest is read)
			same(indexed, scanned, new Document(district).append("tags", "t1")
				.append("$and", List.of(new Document("tags", "t2"))), byIssued, 0, 0);
			same(indexed, scanned, new Document(district).append("$and", List.of(new Document("tags", "t3"),
					new Document("n", new Document("$gt", 4)))), byIssued, 0, 20);
			// an aggregation starting with a $match reads through the planner and answers what a scan answers
			List<Document> pipeline = List.of(new Document("$match", new Document(district).append("state", "ACTIVE")),
					new Document("$group", new Document("_id", "$personId").append("c", new Document("$sum", 1))),
					new Document("$sort", new Document("_id", 1)));
			assertThat(Flux.from(indexed.aggregate(pipeline)).collectList().block())
				.isEqualTo(Flux.from(scanned.aggregate(pipeline)).collectList().block());
		}
		// what that saves: the indexed collection's aggregation reads one district, the scanned one every document
		long district = block(indexed.countDocuments(new Document("districtId", "d1")));
		long all = block(scanned.countDocuments());
		List<Document> perPerson = List.of(new Document("$match", new Document("districtId", "d1")),
				new Document("$group", new Document("_id", "$personId")));
		long before = DocumentsRead.in("indexed");
		Flux.from(indexed.aggregate(perPerson)).blockLast();
		assertThat(DocumentsRead.in("indexed") - before).isEqualTo(district);
		before = DocumentsRead.in("scanned");
		Flux.from(scanned.aggregate(perPerson)).blockLast();
		assertThat(DocumentsRead.in("scanned") - before).isEqualTo(all);
		same(indexed, scanned, new Document("personId", "p5"), byIssued, 0, 0);
		same(indexed, scanned, new Document("personId", null), byIssued, 0, 0);
		same(indexed, scanned, new Document("districtId", "d1").append("personId", null), byIssued, 0, 0);
		same(indexed, scanned, new Document("tags", null), byIssued, 0, 0);
		same(indexed, scanned, new Document("tags", List.of()), byIssued, 0, 0);
		same(indexed, scanned, new Document("districtId", "d4").append("tags", "t1"), byIssued, 0, 0);
		same(indexed, scanned, new Document("tags", "t3"), new Document("_id", 1), 0, 0);
		same(indexed, scanned, new Document("tags", "t3").append("districtId", "d1"), new Document("_id", 1), 0, 0);
		same(indexed, scanned, new Document("key", "k42").append("districtId", "d1"), null, 0, 0);
		same(indexed, scanned, new Document("key", new Document("$in", List.of("k1", "k2", "k3", "k999")))
			.append("districtId", "d2"), new Document("_id", 1), 0, 0);
		Document any = block(scanned.find().first());
		same(indexed, scanned, new Document("_id", any.get("_id")).append("districtId", any.get("districtId")), null,
				0, 0);
		same(indexed, scanned, new Document("_id", any.get("_id")).append("districtId", "elsewhere"), null, 0, 0);
	}

	/**
	 * A range on the field after an index's fixed fields (a district's badges expiring in a window) and the leading
	 * fields of a compound unique index (an enrolment's submissions under {@code {enrollmentId, tierKey}}) read the
	 * entries they name, as MongoDB does with the same indexes, and answer what a scan answers, in order, through
	 * changes and a restart (the unique index's ordered entries are built once over documents that predate them).
	 */
	@Test
	void rangesAndUniquePrefixesReadWhatTheyAnswer() {
		List<Document> documents = new ArrayList<>();
		for (int i = 0; i < 3_000; i++) {
			Document d = new Document("_id", new ObjectId().toHexString())
				.append("districtId", DISTRICTS.get(random.nextInt(DISTRICTS.size())))
				.append("enrollmentId", "e" + i / 10)
				.append("tierKey", "t" + i % 10)
				.append("revokedAt", i % 11 == 0 ? new java.util.Date() : null)
				.append("expires", java.util.Date.from(Instant.ofEpochSecond(1_700_000_000L + random.nextInt(1_000))));
			documents.add(d);
		}
		// what a range must not take or lose: no expiry, a null one, a number where dates are (MongoDB's ranges keep
		// to the type of their bounds), ties on the bounds themselves
		for (int i = 0; i < documents.size(); i += 29) {
			documents.get(i).remove("expires");
			documents.get(i + 1).put("expires", null);
			documents.get(i + 2).put("expires", 1_700_000_500L);
			documents.get(i + 3).put("expires", java.util.Date.from(Instant.ofEpochSecond(1_700_000_300L)));
		}
		try (EmbeddedMongo store = EmbeddedMongo.start(dataDir); MongoClient client = client(store)) {
			MongoDatabase db = client.getDatabase("cairn");
			MongoCollection<Document> indexed = db.getCollection("indexed");
			block(indexed.createIndex(new Document("districtId", 1).append("expires", 1)));
			block(indexed.insertMany(documents.subList(0, 1_500)));
			// declared over documents already there: its ordered entries are built once
			block(indexed.createIndex(new Document("enrollmentId", 1).append("tierKey", 1),
					new IndexOptions().unique(true)));
			block(indexed.insertMany(documents.subList(1_500, documents.size())));
			block(db.getCollection("scanned").insertMany(documents));
			assertRangesAndPrefixes(db);
			for (MongoCollection<Document> c : List.of(indexed, db.getCollection("scanned"))) {
				block(c.updateMany(new Document("enrollmentId", "e7"), new Document("$set",
						new Document("enrollmentId", "e8x").append("expires", java.util.Date.from(Instant.ofEpochSecond(1_700_000_310L))))));
				block(c.deleteMany(new Document("enrollmentId", "e9")));
				block(c.updateMany(new Document("tierKey", "t3"), new Document("$set", new Document("districtId", "d9"))));
			}
			assertRangesAndPrefixes(db);
		}
		try (EmbeddedMongo store = EmbeddedMongo.start(dataDir); MongoClient client = client(store)) {
			MongoDatabase db = client.getDatabase("cairn");
			Document added = new Document("_id", new ObjectId().toHexString()).append("districtId", "d1")
				.append("enrollmentId", "e5").append("tierKey", "t-new")
				.append("expires", java.util.Date.from(Instant.ofEpochSecond(1_700_000_400L)));
			block(db.getCollection("indexed").insertOne(added));
			block(db.getCollection("scanned").insertOne(added));
			assertRangesAndPrefixes(db);
		}
	}

	private void assertRangesAndPrefixes(MongoDatabase db) {
		MongoCollection<Document> indexed = db.getCollection("indexed");
		MongoCollection<Document> scanned = db.getCollection("scanned");
		java.util.Date from = java.util.Date.from(Instant.ofEpochSecond(1_700_000_300L));
		java.util.Date to = java.util.Date.from(Instant.ofEpochSecond(1_700_000_400L));
		Document soonest = new Document("expires", 1).append("_id", 1);
		for (String d : List.of("d1", "d2", "d9", "none")) {
			Document window = new Document("districtId", d).append("revokedAt", null)
				.append("expires", new Document("$gt", from).append("$lte", to));
			same(indexed, scanned, window, soonest, 0, 0);
			same(indexed, scanned, window, soonest, 0, 50);
			same(indexed, scanned, window, soonest, 10, 5);
			same(indexed, scanned, window, new Document("expires", -1).append("_id", -1), 0, 20);
			same(indexed, scanned, window, new Document("_id", 1), 0, 0);
			same(indexed, scanned, window, null, 0, 0);
			same(indexed, scanned, new Document("districtId", d).append("expires", new Document("$gte", from)),
					soonest, 0, 0);
			same(indexed, scanned, new Document("districtId", d).append("expires", new Document("$lt", to)), soonest,
					0, 0);
			same(indexed, scanned, new Document("districtId", d).append("expires", new Document("$gt", 1_700_000_000L)),
					soonest, 0, 0);
			same(indexed, scanned, new Document("districtId", d).append("expires",
					new Document("$gt", to).append("$lt", from)), soonest, 0, 0);
			// a range the store cannot bound (mixed types) still answers, by the fixed district
			same(indexed, scanned, new Document("districtId", d).append("expires",
					new Document("$gt", from).append("$lt", 1_800_000_000L)), soonest, 0, 0);
			// what it saves: a page of the window reads that page (plus the revoked it passes over), not the district
			long before = DocumentsRead.in("indexed");
			List<Object> page = find(indexed, window, soonest, 0, 5);
			long read = DocumentsRead.in("indexed") - before;
			assertThat(read).as("documents read for a page of %d in %s", page.size(), d).isLessThanOrEqualTo(page.size() + 3);
		}
		for (String e : List.of("e0", "e5", "e7", "e8x", "e9", "e299", "none")) {
			Document enrollment = new Document("enrollmentId", e);
			same(indexed, scanned, enrollment, null, 0, 0);
			same(indexed, scanned, enrollment, new Document("tierKey", 1), 0, 0);
			same(indexed, scanned, enrollment, new Document("tierKey", -1), 0, 3);
			same(indexed, scanned, enrollment.append("tierKey", "t4"), null, 0, 0);
			long matching = block(scanned.countDocuments(new Document("enrollmentId", e)));
			long before = DocumentsRead.in("indexed");
			assertThat(find(indexed, new Document("enrollmentId", e), null, 0, 0)).hasSize((int) matching);
			assertThat(DocumentsRead.in("indexed") - before).as("documents read for enrolment %s", e)
				.isEqualTo(matching);
		}
	}

	/**
	 * People hold their roles in an array: a page of a district's assessors by email (the assessor choice of the
	 * review and cohort pages) reads that page through {@code {districtId, roles, email}}, as MongoDB does with the
	 * same index, not the district's people in email order until enough assessors turned up; the answers are a
	 * scan's, through role changes and a restart.
	 */
	@Test
	void aPageOfOneRoleReadsThatPageThoughRolesAreAnArray() {
		List<Document> people = new ArrayList<>();
		for (int i = 0; i < 3_000; i++) {
			List<String> roles = i % 7 == 0 ? List.of("ASSESSOR", "TEACHER") : i % 11 == 0 ? List.of("COACH")
					: i % 13 == 0 ? List.of() : List.of("TEACHER");
			people.add(new Document("_id", new ObjectId().toHexString())
				.append("districtId", DISTRICTS.get(random.nextInt(DISTRICTS.size())))
				.append("email", String.format("p%05d@example.org", random.nextInt(1_000_000)) + i)
				.append("roles", roles));
		}
		for (int start = 0; start < 2; start++) {
			try (EmbeddedMongo store = EmbeddedMongo.start(dataDir); MongoClient client = client(store)) {
				MongoDatabase db = client.getDatabase("cairn");
				MongoCollection<Document> indexed = db.getCollection("indexed");
				MongoCollection<Document> scanned = db.getCollection("scanned");
				if (start == 0) {
					block(indexed.createIndex(new Document("districtId", 1).append("email", 1)));
					block(indexed.insertMany(people.subList(0, 1_000)));
					block(indexed.createIndex(new Document("districtId", 1).append("roles", 1).append("email", 1)));
					block(indexed.insertMany(people.subList(1_000, people.size())));
					block(scanned.insertMany(people));
					for (MongoCollection<Document> c : List.of(indexed, scanned)) {
						block(c.updateMany(new Document("email", new Document("$regex", "^p0")),
								new Document("$set", new Document("roles", List.of("TEACHER", "ASSESSOR", "COACH")))));
					}
				}
				for (String d : List.of("d1", "d2", "none")) {
					for (String role : List.of("ASSESSOR", "COACH", "TEACHER")) {
						Document withRole = new Document("districtId", d).append("roles", role);
						same(indexed, scanned, withRole, new Document("email", 1), 0, 0);
						same(indexed, scanned, withRole, new Document("email", 1), 0, 20);
						same(indexed, scanned, withRole, new Document("email", 1), 40, 20);
						same(indexed, scanned, withRole, new Document("email", -1), 0, 20);
						long before = DocumentsRead.in("indexed");
						List<Object> page = find(indexed, withRole, new Document("email", 1), 0, 20);
						assertThat(DocumentsRead.in("indexed") - before)
							.as("documents read for a page of %d %s of %s", page.size(), role, d)
							.isEqualTo(page.size());
					}
				}
			}
		}
	}

	private void same(MongoCollection<Document> indexed, MongoCollection<Document> scanned, Document filter,
			Document sort, int skip, int limit) {
		assertThat(find(indexed, filter, sort, skip, limit)).as("%s sorted %s skip %d limit %d", filter, sort, skip,
				limit).isEqualTo(find(scanned, filter, sort, skip, limit));
	}

	private static List<Object> find(MongoCollection<Document> collection, Bson filter, Document sort, int skip,
			int limit) {
		var find = collection.find(filter).skip(skip).limit(limit);
		if (sort != null) {
			find = find.sort(sort);
		}
		List<Object> ids = Flux.from(find).map(d -> d.get("_id")).collectList().block();
		// without a sort MongoDB promises no order: compare which documents, not their order
		return sort == null ? List.copyOf(new java.util.TreeSet<>(ids.stream().map(String::valueOf).toList()))
				: ids;
	}

	private static <T> T block(org.reactivestreams.Publisher<T> publisher) {
		return Mono.from(publisher).block();
	}

	private static MongoClient client(EmbeddedMongo store) {
		return MongoClients.create(MongoClientSettings.builder()
			.applyConnectionString(new ConnectionString(store.connectionString()))
			.build());
	}

}
