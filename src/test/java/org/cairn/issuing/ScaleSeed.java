package org.cairn.issuing;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.IntFunction;

import org.bson.types.ObjectId;

import org.cairn.CairnApplication;
import org.cairn.account.Person;
import org.cairn.account.Role;
import org.cairn.district.District;
import org.cairn.enrollment.Enrollment;
import org.cairn.enrollment.EnrollmentState;
import org.cairn.enrollment.Proposal;
import org.cairn.evidence.Evidence;
import org.cairn.evidence.EvidenceType;
import org.cairn.review.Submission;
import org.cairn.review.SubmissionState;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Fills a data directory for the scale measurement of issue 14 (not a test: run by {@code perf/seed-scale.sh}). It
 * starts the real application with the demo profile on the directory (so the demo district, its people, templates,
 * keys and a few real badges exist and their passwords are known), then bulk-inserts the real store documents
 * (people, enrolments, evidence, submissions, assertions) through the application's own mapping, spread over the
 * demo district and a few more districts, and closes the store.
 *
 * <pre>
 * java -cp … org.cairn.issuing.ScaleSeed DATA_DIR [assertions people evidence districts]
 * </pre>
 */
public final class ScaleSeed {

	private static final int BATCH = 2_000;

	private final ReactiveMongoTemplate mongo;

	private final Instant now = Instant.now();

	private ScaleSeed(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
	}

	public static void main(String[] args) {
		Path dataDir = Path.of(args[0]);
		int assertions = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
		int people = args.length > 2 ? Integer.parseInt(args[2]) : 20_000;
		int evidence = args.length > 3 ? Integer.parseInt(args[3]) : 50_000;
		int districtCount = args.length > 4 ? Integer.parseInt(args[4]) : 4;
		long started = System.nanoTime();
		ConfigurableApplicationContext context = SpringApplication.run(CairnApplication.class,
				"--spring.profiles.active=demo", "--cairn.data-dir=" + dataDir.toAbsolutePath(),
				"--server.address=127.0.0.1", "--server.port=0", "--cairn.public-base-url=http://127.0.0.1:8080",
				"--logging.level.root=WARN");
		int code = 0;
		try {
			new ScaleSeed(context.getBean(ReactiveMongoTemplate.class)).seed(assertions, people, evidence,
					districtCount);
			System.out.printf("seeded in %.1f s%n", (System.nanoTime() - started) / 1e9);
			// perf/scale.sh prints it beside its figures
			java.nio.file.Files.writeString(dataDir.resolve("seed.txt"), String.format(
					"%,d assertions, %,d people, %,d evidence records, in %d districts (perf/seed-scale.sh)",
					assertions, people, evidence, districtCount));
		}
		catch (RuntimeException | java.io.IOException ex) {
			ex.printStackTrace();
			code = 1;
		}
		finally {
			context.close();
		}
		System.exit(code);
	}

	private void seed(int assertionCount, int peopleCount, int evidenceCount, int districtCount) {
		// the demo issues its badges in the background right after start-up: wait for the revoked one (the last)
		IssuedAssertion hosted = null;
		IssuedAssertion signed = null;
		for (int i = 0; i < 600 && (hosted == null || signed == null || !demoDone()); i++) {
			sleep(500);
			hosted = mongo.findOne(Query.query(Criteria.where("mode").is(VerificationMode.HOSTED)),
					IssuedAssertion.class).block();
			signed = mongo.findOne(Query.query(Criteria.where("mode").is(VerificationMode.SIGNED)),
					IssuedAssertion.class).block();
		}
		if (hosted == null || signed == null) {
			throw new IllegalStateException("the demo issued no hosted and signed badge to copy");
		}
		District demo = mongo.findOne(Query.query(Criteria.where("slug").is("demo")), District.class).block();
		List<District> districts = new ArrayList<>();
		districts.add(demo);
		for (int d = 1; d < districtCount; d++) {
			String slug = "scale-" + d;
			districts.add(mongo.insert(new District(null, slug, "Scale District " + d, "https://" + slug + ".example.org",
					"pd@" + slug + ".example.org", "A district seeded for the scale measurement", null, "#1f6f5c",
					"America/Chicago", 7, 1_000_000, false, false, District.DEFAULT_MAX_UPLOAD_BYTES, now, null))
				.block());
		}
		Person admin = mongo.findOne(Query.query(Criteria.where("email").is("admin@demo.cairn.test")), Person.class)
			.block();
		String hash = admin.passwordHash();

		// people: spread evenly, every fifth an assessor, the rest teachers
		List<Person> persons = new ArrayList<>(peopleCount);
		insert("people", peopleCount, i -> {
			District d = districts.get(i % districts.size());
			Person p = new Person(new ObjectId().toHexString(), d.id(), "scale-" + i + "@" + d.slug() + ".example.org",
					"Scale Person " + i, hash, i % 5 == 0 ? Set.of(Role.ASSESSOR) : Set.of(Role.TEACHER), false,
					"School " + (i % 40), i % 30, null, true, now.minusSeconds(i), null);
			persons.add(p);
			return p;
		});

		// one enrolment per person in one template of their district; a tenth proposed (the approvals page)
		IssuedAssertion template = hosted;
		List<Enrollment> enrollments = new ArrayList<>(peopleCount);
		insert("enrollments", peopleCount, i -> {
			Person p = persons.get(i);
			EnrollmentState state = i % 10 == 0 ? EnrollmentState.PROPOSED
					: i % 3 == 0 ? EnrollmentState.COMPLETED : EnrollmentState.ACTIVE;
			String family = "scale-family-" + (i % 7);
			Enrollment e = new Enrollment(new ObjectId().toHexString(), p.districtId(), p.id(), template.templateId(),
					family, "Scale Microcredential " + (i % 7), p.id() + ":" + family, state,
					new Proposal("A scale topic " + i, List.of("book one", "course two"),
							"A plan long enough to be a real plan for the scale run " + i),
					null, null, null, 0, now.minusSeconds(3600L + i), now.minusSeconds(1800L + i), null, null);
			enrollments.add(e);
			return e;
		});

		insert("evidence", evidenceCount, i -> {
			Enrollment e = enrollments.get(i % enrollments.size());
			String tier = "tier-" + (i / enrollments.size() % 4 + 1);
			String name = "reflection";
			return new Evidence(new ObjectId().toHexString(), e.districtId(), e.id(), e.personId(), tier, "req-1",
					EvidenceType.TEXT, name, "A reflection of some length about classroom practice " + i,
					12, null, null, null, null, null, null,
					e.id() + ":" + tier + ":req-1:" + EvidenceType.TEXT + ":" + name + ":" + i, i % 2 == 0,
					false, now.minusSeconds(i), now.minusSeconds(i), null);
		});

		// a submitted tier for every fifth enrolment: the review queues
		int submissions = enrollments.size() / 5;
		insert("submissions", submissions, i -> {
			Enrollment e = enrollments.get(i * 5);
			return new Submission(new ObjectId().toHexString(), e.districtId(), e.id(), e.personId(), e.templateId(),
					e.templateTitle(), "tier-1", "Tier 1", i % 2 == 0 ? SubmissionState.SUBMITTED : SubmissionState.PASSED,
					1, null, now.minusSeconds(600L + i), null, List.of());
		});

		// assertions: copies of the demo's real hosted and signed ones, a fifth signed, each district its share
		IssuedAssertion signedTemplate = signed;
		insert("assertions", assertionCount, i -> {
			Person p = persons.get(i % persons.size());
			IssuedAssertion t = i % 5 == 0 ? signedTemplate : template;
			String id = new ObjectId().toHexString();
			return new IssuedAssertion(id, "scale:" + i, p.districtId(), null, p.id(), p.email(), p.displayName(),
					t.badgeClassId(), t.templateId(), t.tierKey(), t.stipendCents(), t.mode(), t.keyId(),
					now.minusSeconds(assertionCount - i), null, t.document().replace(t.id(), id), t.jws(), null, null,
					null, List.of());
		});
	}

	private boolean demoDone() {
		return Boolean.TRUE.equals(mongo.exists(Query.query(Criteria.where("revokedAt").ne(null)), IssuedAssertion.class)
			.block());
	}

	private <T> void insert(String what, int count, IntFunction<T> make) {
		long start = System.nanoTime();
		for (int from = 0; from < count; from += BATCH) {
			List<T> batch = new ArrayList<>(BATCH);
			for (int i = from; i < Math.min(count, from + BATCH); i++) {
				batch.add(make.apply(i));
			}
			mongo.insertAll(batch).then().block(Duration.ofMinutes(5));
		}
		System.out.printf("%-12s %7d in %5.1f s%n", what, count, (System.nanoTime() - start) / 1e9);
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
