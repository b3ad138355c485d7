package org.cairn.issuing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.cairn.account.Person;
import org.cairn.account.PersonRepository;
import org.cairn.award.Award;
import org.cairn.problem.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Bulk awards: a job with one item per recipient, processed by workers on any instance. A worker leases a batch of
 * items with a conditional update; each item is idempotent (award key {@code bulk:<badgeClassId>:<email>} is both
 * the award's key and the assertion's issue key), so an item processed twice after a crash still awards once.
 */
@Service
class BulkAwards {

	private static final Logger log = LoggerFactory.getLogger(BulkAwards.class);

	static final int MAX_RECIPIENTS = 20_000;

	private static final Pattern EMAIL = Pattern.compile("^[^@\\s,;]{1,64}@[^@\\s,;]+\\.[^@\\s,;]{2,}$");

	private static final Duration LEASE = Duration.ofMinutes(2);

	private final ReactiveMongoTemplate mongo;

	private final PersonRepository people;

	private final Issuance issuance;

	private final Clock clock;

	private final String workerId = UUID.randomUUID().toString();

	BulkAwards(ReactiveMongoTemplate mongo, PersonRepository people, Issuance issuance, Clock clock) {
		this.mongo = mongo;
		this.people = people;
		this.issuance = issuance;
		this.clock = clock;
	}

	record Row(String email, String name) {
	}

	/** Parses {@code email,name} lines; a first line naming the columns is skipped. */
	static List<Row> parseCsv(String csv) {
		List<Row> rows = new ArrayList<>();
		for (String line : csv.split("\\r?\\n")) {
			if (line.isBlank()) {
				continue;
			}
			String[] cells = line.split(",", 2);
			String email = unquote(cells[0]);
			if (rows.isEmpty() && email.equalsIgnoreCase("email")) {
				continue;
			}
			rows.add(new Row(email, cells.length > 1 ? unquote(cells[1]) : null));
		}
		return rows;
	}

	private static String unquote(String cell) {
		String trimmed = cell.trim();
		return trimmed.length() >= 2 && trimmed.startsWith("\"") && trimmed.endsWith("\"")
				? trimmed.substring(1, trimmed.length() - 1).replace("\"\"", "\"").trim() : trimmed;
	}

	/** Validates every row (reporting up to 20 problems at once), drops repeated emails, stores the job. */
	Mono<BulkJob> create(String districtId, String createdBy, BadgeClassRecord badge, List<Row> rows) {
		if (rows.isEmpty()) {
			return Mono.error(ProblemException.invalid("recipients", "No recipients."));
		}
		if (rows.size() > MAX_RECIPIENTS) {
			return Mono.error(ProblemException.invalid("recipients", "At most " + MAX_RECIPIENTS + " recipients."));
		}
		List<ProblemException.FieldProblem> problems = new ArrayList<>();
		Map<String, Row> unique = new LinkedHashMap<>();
		for (int i = 0; i < rows.size(); i++) {
			Row row = rows.get(i);
			String email = row.email() == null ? "" : Person.normalizeEmail(row.email());
			if (!EMAIL.matcher(email).matches() || email.length() > 254) {
				problems.add(new ProblemException.FieldProblem("recipients[" + i + "].email", "Not an email address."));
			}
			else if (row.name() != null && row.name().length() > 200) {
				problems.add(new ProblemException.FieldProblem("recipients[" + i + "].name", "At most 200 characters."));
			}
			else {
				unique.putIfAbsent(email, new Row(email, row.name() == null || row.name().isBlank() ? null : row.name()));
			}
		}
		if (!problems.isEmpty()) {
			return Mono.error(ProblemException.invalid(problems.subList(0, Math.min(20, problems.size()))));
		}
		String jobId = UUID.randomUUID().toString();
		List<BulkItem> items = new ArrayList<>();
		int index = 0;
		for (Row row : unique.values()) {
			items.add(new BulkItem(null, jobId, districtId, badge.id(), index++, row.email(), row.name(),
					BulkItem.Status.PENDING, null, null, null, null));
		}
		BulkJob job = new BulkJob(jobId, districtId, badge.id(), createdBy, items.size(), 0, 0, BulkJob.Status.RUNNING,
				clock.instant(), null);
		// items first: a job is only visible once all its items exist
		return Flux.fromIterable(items).buffer(1000).concatMap(batch -> mongo.insertAll(batch)).then(mongo.insert(job));
	}

	Mono<BulkJob> find(String districtId, String jobId) {
		return mongo.findOne(Query.query(Criteria.where("_id").is(jobId).and("districtId").is(districtId)),
				BulkJob.class);
	}

	@Scheduled(initialDelayString = "${cairn.issuing.bulk-poll-ms:1000}", fixedDelayString = "${cairn.issuing.bulk-poll-ms:1000}")
	void work() {
		while (Boolean.TRUE.equals(processBatch(workerId, 100).map(n -> n > 0).block(Duration.ofMinutes(10)))) {
			// keep going while there is work
		}
	}

	/** Leases up to {@code size} pending items for {@code worker} and processes them; returns how many. */
	Mono<Integer> processBatch(String worker, int size) {
		return lease(worker, size).flatMap(this::process, 4).count().map(Long::intValue);
	}

	/** Leases pending items whose lease is free or expired (a crashed worker's items come back). */
	Flux<BulkItem> lease(String worker, int size) {
		Instant now = clock.instant();
		Criteria free = Criteria.where("status").is(BulkItem.Status.PENDING)
			.orOperator(Criteria.where("claimedUntil").is(null), Criteria.where("claimedUntil").lt(now));
		String token = worker + ":" + UUID.randomUUID();
		return mongo.find(Query.query(free).limit(size), BulkItem.class)
			.map(BulkItem::id)
			.collectList()
			.filter(ids -> !ids.isEmpty())
			.flatMapMany(ids -> mongo
				.updateMulti(Query.query(Criteria.where("_id").in(ids).andOperator(free)),
						new Update().set("claimedBy", token).set("claimedUntil", now.plus(LEASE)), BulkItem.class)
				.thenMany(mongo.find(Query.query(Criteria.where("claimedBy").is(token)), BulkItem.class)));
	}

	private Mono<BulkItem> process(BulkItem item) {
		String awardKey = "bulk:" + item.badgeClassId() + ":" + item.email();
		return mongo.findById(item.badgeClassId(), BadgeClassRecord.class)
			.switchIfEmpty(Mono.error(() -> new IllegalStateException("badge class " + item.badgeClassId() + " gone")))
			.flatMap(badge -> people.findByEmail(item.email())
				.filter(p -> item.districtId().equals(p.districtId()))
				.map(p -> new Recipient(p.email(), item.name() != null ? item.name() : p.displayName(), p.id()))
				.defaultIfEmpty(new Recipient(item.email(), item.name(), null))
				.flatMap(recipient -> issuance.issue(new Issuance.IssueRequest(awardKey, item.districtId(),
						awardId(awardKey), recipient, badge, 0, null))
					.flatMap(assertion -> recordAward(awardKey, item, badge, recipient, assertion.id())
						.thenReturn(assertion))))
			.flatMap(assertion -> finish(item, BulkItem.Status.DONE, assertion.id(), null))
			.onErrorResume(ex -> {
				log.warn("Bulk item {} failed: {}", item.id(), ex.toString());
				return finish(item, BulkItem.Status.FAILED, null, ex.getClass().getSimpleName());
			});
	}

	/** The award record, keyed like the assertion; stored with its assertion id so the sweep never picks it up. */
	private Mono<Void> recordAward(String awardKey, BulkItem item, BadgeClassRecord badge, Recipient recipient,
			String assertionId) {
		return mongo.insert(new Award(awardId(awardKey), awardKey, item.districtId(), recipient.personId(), null,
				badge.templateId(), badge.tierKey(), 0, clock.instant(), List.of(), assertionId, null))
			.onErrorResume(DuplicateKeyException.class, ex -> Mono.empty())
			.then();
	}

	private Mono<BulkItem> finish(BulkItem item, BulkItem.Status status, String assertionId, String error) {
		return mongo.updateFirst(Query.query(Criteria.where("_id").is(item.id()).and("status").is(BulkItem.Status.PENDING)),
				new Update().set("status", status).set("assertionId", assertionId).set("error", error),
				BulkItem.class)
			.filter(result -> result.getModifiedCount() == 1)
			.flatMap(counted -> mongo.updateFirst(Query.query(Criteria.where("_id").is(item.jobId())),
					new Update().inc(status == BulkItem.Status.DONE ? "processed" : "failed", 1), BulkJob.class))
			.then(completeIfFinished(item.jobId()))
			.thenReturn(item);
	}

	private Mono<Void> completeIfFinished(String jobId) {
		return mongo.findById(jobId, BulkJob.class)
			.filter(job -> job.status() == BulkJob.Status.RUNNING && job.processed() + job.failed() >= job.total())
			.flatMap(job -> mongo.updateFirst(
					Query.query(Criteria.where("_id").is(jobId).and("status").is(BulkJob.Status.RUNNING)),
					new Update().set("status", BulkJob.Status.DONE).set("finishedAt", clock.instant()), BulkJob.class))
			.then();
	}

	/** A deterministic award id, so the assertion can name its award before the award is stored. */
	static String awardId(String awardKey) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(awardKey.getBytes(StandardCharsets.UTF_8));
			return "bulk-" + HexFormat.of().formatHex(digest, 0, 12);
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
