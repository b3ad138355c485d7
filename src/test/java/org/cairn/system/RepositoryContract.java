package org.cairn.system;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.bson.Document;
import org.cairn.account.Person;
import org.cairn.account.PersonRepository;
import org.cairn.account.Role;
import org.cairn.district.District;
import org.cairn.district.DistrictRepository;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.IndexInfo;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the foundation relies on from its store, written once and run on every store Cairn supports: the embedded
 * MongoDB-wire server ({@link EmbeddedRepositoryTests}) and a real MongoDB ({@link MongoRepositoryTests}). Each
 * test makes its own records with fresh ids, so the contract runs in a shared context.
 */
interface RepositoryContract {

	PersonRepository people();

	DistrictRepository districts();

	ReactiveMongoTemplate mongo();

	StoreIndexes indexes();

	@Test
	default void uniqueIndexesAreCreatedAtStart() {
		assertThat(uniqueIndexedFields("people")).contains("email");
		assertThat(uniqueIndexedFields("districts")).contains("slug");
		assertThat(uniqueIndexedFields("access_tokens")).contains("tokenHash");
		assertThat(uniqueIndexedFields("invitations")).contains("tokenHash");
	}

	/**
	 * Every index the documents declare exists: the unique ones before readiness, the others created after it in
	 * the background (so this waits for them a while).
	 */
	@Test
	default void everyDeclaredIndexExistsSoonAfterStart() throws InterruptedException {
		List<Document> declared = new ArrayList<>(indexes().declared(true));
		declared.addAll(indexes().declared(false));
		assertThat(declared).hasSizeGreaterThan(40);
		long until = System.nanoTime() + Duration.ofMinutes(2).toNanos();
		List<Document> missing = missingIndexes(declared);
		while (!missing.isEmpty() && System.nanoTime() < until) {
			Thread.sleep(200);
			missing = missingIndexes(declared);
		}
		assertThat(missing).isEmpty();
	}

	/** Of {@code {collection, key}} documents, those no index of the store has (same fields, order and directions). */
	private List<Document> missingIndexes(List<Document> declared) {
		List<Document> existing = mongo().getCollectionNames()
			.flatMap(collection -> mongo().indexOps(collection)
				.getIndexInfo()
				.map(index -> new Document("collection", collection).append("key", keyOf(index))))
			.collectList()
			.block();
		return declared.stream()
			.filter(index -> !existing.contains(new Document("collection", index.get("collection"))
				.append("key", normalized((Document) index.get("key")))))
			.toList();
	}

	private static List<String> keyOf(IndexInfo index) {
		return index.getIndexFields()
			.stream()
			.map(field -> field.getKey() + ":" + (field.getDirection() == null ? "?" : field.getDirection().name()))
			.toList();
	}

	private static List<String> normalized(Document key) {
		return key.entrySet()
			.stream()
			.map(field -> field.getKey() + ":" + (((Number) field.getValue()).intValue() < 0 ? "DESC" : "ASC"))
			.toList();
	}

	@Test
	default void anEmailBelongsToOnePersonAcrossAllDistricts() {
		District a = districts().save(district()).block();
		District b = districts().save(district()).block();
		String email = "same-" + UUID.randomUUID() + "@example.org";
		people().save(person(a, email)).block();
		StepVerifier.create(people().save(person(b, email))).expectError(DuplicateKeyException.class).verify();
		assertThat(people().findByEmail(email).map(Person::districtId).block()).isEqualTo(a.id());
	}

	@Test
	default void aSlugNamesOneDistrict() {
		District first = districts().save(district()).block();
		District second = district();
		District sameSlug = new District(null, first.slug(), "Another", second.url(), second.email(), null, null,
				"#000000", "UTC", 1, 0, false, false, 1, Instant.now(), null);
		StepVerifier.create(districts().save(sameSlug)).expectError(DuplicateKeyException.class).verify();
	}

	@Test
	default void lookupsScopedByDistrictNeverCrossIt() {
		District a = districts().save(district()).block();
		District b = districts().save(district()).block();
		Person ofA = people().save(person(a, "a-" + UUID.randomUUID() + "@example.org")).block();
		Person ofB = people().save(person(b, "b-" + UUID.randomUUID() + "@example.org")).block();

		assertThat(people().findByIdAndDistrictId(ofA.id(), a.id()).block()).isNotNull();
		assertThat(people().findByIdAndDistrictId(ofB.id(), a.id()).block()).isNull();
		assertThat(people().findByDistrictId(b.id()).map(Person::id).collectList().block()).containsExactly(ofB.id());
	}

	@Test
	default void aStaleCopyCannotOverwriteANewerOne() {
		District saved = districts().save(district()).block();
		District renamed = districts().save(rename(saved, "Renamed once")).block();
		assertThat(renamed.version()).isGreaterThan(saved.version());

		StepVerifier.create(districts().save(rename(saved, "Lost update")))
			.expectError(OptimisticLockingFailureException.class)
			.verify();
		assertThat(districts().findById(saved.id()).map(District::name).block()).isEqualTo("Renamed once");
	}

	@Test
	default void aGuardedUpdateTakesEffectOnceUnderConcurrency() {
		District district = districts().save(district()).block();
		Person person = people().save(person(district, "once-" + UUID.randomUUID() + "@example.org")).block();
		// Eight simultaneous "deactivate if active" requests: exactly one sees the active person.
		Query guard = Query.query(Criteria.where("_id").is(person.id()).and("active").is(true));
		List<Person> winners = Flux.range(0, 8)
			.flatMap(i -> mongo().findAndModify(guard, new Update().set("active", false).inc("version", 1),
					FindAndModifyOptions.options().returnNew(true), Person.class))
			.collectList()
			.block();
		assertThat(winners).hasSize(1);
		assertThat(people().findById(person.id()).map(Person::active).block()).isFalse();
	}

	private List<String> uniqueIndexedFields(String collection) {
		return mongo().indexOps(collection).getIndexInfo()
			.filter(IndexInfo::isUnique)
			.flatMapIterable(IndexInfo::getIndexFields)
			.map(field -> field.getKey())
			.collectList()
			.onErrorResume(ex -> Mono.just(List.of()))
			.block();
	}

	private static District district() {
		String slug = "repo-" + UUID.randomUUID().toString().substring(0, 8);
		return new District(null, slug, "District " + slug, "https://" + slug + ".example.org",
				"pd@" + slug + ".example.org", null, null, "#1f6f5c", "America/Chicago", 7, 0, false, false,
				District.DEFAULT_MAX_UPLOAD_BYTES, Instant.now(), null);
	}

	private static District rename(District d, String name) {
		return new District(d.id(), d.slug(), name, d.url(), d.email(), d.description(), d.logo(), d.brandColor(),
				d.timeZone(), d.fiscalYearStartMonth(), d.budgetCents(), d.autoApproveProposals(),
				d.allowCoachAsAssessor(), d.maxUploadBytes(), d.createdAt(), d.version());
	}

	private static Person person(District district, String email) {
		return new Person(null, district.id(), email, "Pat Store", null, Set.of(Role.TEACHER), false, null, null,
				null, true, Instant.now(), null);
	}

}
