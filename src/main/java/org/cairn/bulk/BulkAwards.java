package org.cairn.bulk;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import org.cairn.account.Person;
import org.cairn.account.PersonChanges;
import org.cairn.award.Awards;
import org.cairn.csv.CsvProblem;
import org.cairn.csv.CsvTable;
import org.cairn.issuing.AwardMail;
import org.cairn.issuing.BadgeClassRecord;
import org.cairn.issuing.Issuance;
import org.cairn.issuing.IssuedAssertion;
import org.cairn.issuing.Issuers;
import org.cairn.issuing.Recipient;
import org.cairn.openbadges.OpaqueIds;
import org.cairn.problem.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Service;

/**
 * Bulk awards: a job split into chunks that workers on any instance claim from MongoDB ({@code findAndModify} with
 * an expiring lease; nothing is queued in memory). Every recipient is idempotent: the award key
 * {@code bulk:<badgeClassId>:<email>} is the award's unique key and the assertion's issue key, so a chunk processed
 * again after a crash or a lost lease, or the same list uploaded twice, still awards each person once.
 */
@Service
class BulkAwards implements SchedulingConfigurer {

	private static final Logger log = LoggerFactory.getLogger(BulkAwards.class);

	static final int MAX_RECIPIENTS = 20_000;

	static final int CHUNK_SIZE = 100;

	static final int MAX_ATTEMPTS = 5;

	/** Long enough for a chunk of signed badges on a busy machine (~1 s), short enough to resume quickly. */
	static final Duration LEASE = Duration.ofMinutes(2);

	private final ReactiveMongoTemplate mongo;

	private final Issuers issuers;

	private final PersonChanges people;

	private final Awards awards;

	private final Issuance issuance;

	private final AwardMail mail;

	private final Clock clock;

	private final int concurrency;

	private final int workers;

	/** Only stops this instance from starting a second drain while one runs; other instances coordinate in MongoDB. */
	private final AtomicBoolean draining = new AtomicBoolean();

	private final String workerId = UUID.randomUUID().toString();

	private final Duration pollEvery;

	private final ApplicationEventPublisher events;

	BulkAwards(ReactiveMongoTemplate mongo, Issuers issuers, PersonChanges people, Awards awards, Issuance issuance,
			AwardMail mail, Clock clock, BulkProperties properties, ApplicationEventPublisher events) {
		this.events = events;
		this.mongo = mongo;
		this.issuers = issuers;
		this.people = people;
		this.awards = awards;
		this.issuance = issuance;
		this.mail = mail;
		this.clock = clock;
		this.concurrency = properties.bulkConcurrency();
		this.workers = Math.max(1, properties.bulkWorkers());
		this.pollEvery = properties.bulkPollMs();
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar tasks) {
		tasks.addFixedDelayTask(new FixedDelayTask(this::poll, pollEvery, pollEvery));
	}

	/** One recipient as uploaded: an email and, optionally, the name to print on the certificate. */
	record Row(String email, String name) {
	}

	/** A recipient as uploaded, with the spreadsheet row it came from (0 for a JSON list). */
	record Uploaded(Row row, int csvRow) {
	}

	private static final Map<String, List<String>> CSV_COLUMNS = columns();

	private static Map<String, List<String>> columns() {
		Map<String, List<String>> columns = new LinkedHashMap<>();
		columns.put("email", List.of("email", "e-mail", "email address", "recipient email"));
		columns.put("name", List.of("name", "full name", "display name", "recipient name"));
		return columns;
	}

	/**
	 * Reads a spreadsheet export: a header row naming an {@code email} (and optionally a {@code name}) column, or
	 * no header and {@code email,name} in that order. Without a header, an unquoted name with commas ("Smith,
	 * Jane") keeps them.
	 */
	static List<Uploaded> parseCsv(String csv) {
		CsvTable table = CsvTable.parse(csv, CSV_COLUMNS.values().stream().flatMap(List::stream).toList());
		Map<String, Integer> columns = table.columns(CSV_COLUMNS);
		if (!table.header().isEmpty() && !columns.containsKey("email")) {
			throw ProblemException.of(CsvProblem.CSV_NO_EMAIL_COLUMN, "csv-no-email-column");
		}
		List<Uploaded> rows = new ArrayList<>();
		for (CsvTable.Row row : table.rows()) {
			String email = CsvTable.cell(row, columns, "email").orElse(null);
			String name = CsvTable.cell(row, columns, "name").orElse(null);
			if (table.header().isEmpty() && row.cells().size() > 2) {
				String joined = String.join(",", row.cells().subList(1, row.cells().size())).strip();
				name = joined.isEmpty() ? null : joined;
			}
			rows.add(new Uploaded(new Row(email, name), row.number()));
		}
		return rows;
	}

	/**
	 * Validates every row, drops repeated emails, stores the job. Nothing is stored when a row is bad: the problem
	 * names each bad row (its spreadsheet row for a CSV upload) in plain words, so the list is fixed in one pass.
	 * Nobody awards themselves: a list naming the caller is refused whole, before anything is stored.
	 */
	Mono<BulkJob> create(String districtId, String createdBy, String creatorEmail, BadgeClassRecord badge,
			List<Uploaded> rows) {
		if (rows.isEmpty()) {
			return Mono.error(ProblemException.invalid("recipients", "The list has no recipients."));
		}
		if (rows.size() > MAX_RECIPIENTS) {
			return Mono.error(ProblemException.invalid("recipients",
					"The list has " + rows.size() + " recipients; at most " + MAX_RECIPIENTS + " at once."));
		}
		boolean csv = rows.get(0).csvRow() > 0;
		List<ProblemException.FieldProblem> problems = new ArrayList<>();
		List<CsvTable.RowProblem> rowProblems = new ArrayList<>();
		Map<String, Row> unique = new LinkedHashMap<>();
		for (int i = 0; i < rows.size(); i++) {
			Row row = rows.get(i).row();
			String email = row.email() == null ? "" : Person.normalizeEmail(row.email());
			String problem = null;
			String field = "email";
			if (email.isEmpty()) {
				problem = "The email address is missing.";
			}
			else if (!Person.isEmailAddress(email)) {
				problem = CsvTable.quote(row.email()) + " is not an email address.";
			}
			else if (row.name() != null && row.name().strip().length() > 200) {
				problem = "The name is longer than 200 characters.";
				field = "name";
			}
			if (problem != null) {
				problems.add(new ProblemException.FieldProblem("recipients[" + i + "]." + field, problem));
				rowProblems.add(new CsvTable.RowProblem(rows.get(i).csvRow(), problem));
			}
			else {
				String name = row.name() == null || row.name().isBlank() ? null : row.name().strip();
				unique.putIfAbsent(email, new Row(email, name));
			}
		}
		if (!problems.isEmpty()) {
			return Mono.error(csv ? CsvTable.invalidRows(rowProblems, 50, "Nobody was awarded; fix the list and upload it again.")
					: ProblemException.invalid(problems.subList(0, Math.min(20, problems.size()))));
		}
		if (creatorEmail != null && unique.containsKey(Person.normalizeEmail(creatorEmail))) {
			return Mono.error(ProblemException.forbidden("You cannot award a badge to yourself. Remove "
					+ Person.normalizeEmail(creatorEmail) + " from the list; another administrator can award you."));
		}
		String jobId = UUID.randomUUID().toString();
		List<Row> recipients = List.copyOf(unique.values());
		List<BulkChunk> chunks = new ArrayList<>();
		for (int first = 0, number = 0; first < recipients.size(); first += CHUNK_SIZE, number++) {
			chunks.add(new BulkChunk(BulkChunk.id(jobId, number), jobId, number, districtId, badge.id(),
					recipients.subList(first, Math.min(recipients.size(), first + CHUNK_SIZE)), BulkChunk.Status.PENDING,
					null, null, 0, null));
		}
		BulkJob job = new BulkJob(jobId, districtId, badge.id(), createdBy, recipients.size(), chunks.size(), 0, 0,
				List.of(), clock.instant(), null);
		// the job first, so a worker finishing a chunk always finds it; chunks are claimable once stored
		return mongo.insert(job).flatMap(saved -> Flux.fromIterable(chunks).buffer(20)
			.concatMap(mongo::insertAll)
			.then(Mono.just(saved)));
	}

	Mono<BulkJob> find(String districtId, String jobId) {
		return mongo.findOne(Query.query(Criteria.where("_id").is(jobId).and("districtId").is(districtId)),
				BulkJob.class);
	}

	/** The recipients that could not be awarded, read chunk by chunk (by id, so it is cheap on any store). */
	Flux<BulkChunk.Result> failures(BulkJob job) {
		return Flux.range(0, job.chunks())
			.concatMap(n -> mongo.findById(BulkChunk.id(job.id(), n), BulkChunk.class))
			.filter(chunk -> chunk.results() != null)
			.concatMapIterable(BulkChunk::results)
			.filter(BulkChunk.Result::failed);
	}

	/**
	 * Polls for claimable chunks; the drain runs off the scheduler thread so webhooks and sweeps keep going. Several
	 * chunks are worked at once, each under its own lease, so one chunk's signing overlaps another's store writes
	 * and mail (one chunk at a time left the cores idle while a chunk was stored).
	 */
	void poll() {
		if (draining.compareAndSet(false, true)) {
			Flux.range(0, workers).flatMap(n -> drain(workerId), workers).reduce(0L, Long::sum)
				.doFinally(signal -> draining.set(false))
				.subscribe(count -> {
					if (count > 0) {
						log.info("Bulk awards: processed {} chunks", count);
					}
				}, ex -> log.warn("Bulk awards: drain stopped: {}", ex.toString()));
		}
	}

	/** Claims and processes chunks until none is claimable; returns how many this worker completed. */
	Mono<Long> drain(String worker) {
		// one chunk at a time: the next claim is made only after the previous chunk is finished, so a worker never
		// holds leases on chunks it is not working on
		Mono<Optional<Boolean>> step = Mono.defer(() -> claim(worker))
			.flatMap(chunk -> chunk.isPresent() ? working(chunk.get()).map(Optional::of) : Mono.just(Optional.empty()));
		return step.repeat().takeWhile(Optional::isPresent).filter(Optional::get).count();
	}

	/** Processes a claimed chunk, telling this instance's trailing work when it starts and when it is done. */
	private Mono<Boolean> working(BulkChunk chunk) {
		return Mono.defer(() -> {
			events.publishEvent(new BulkChunkWork(chunk.id(), false));
			return process(chunk);
		}).doFinally(signal -> events.publishEvent(new BulkChunkWork(chunk.id(), true)));
	}

	/**
	 * Claims one pending chunk whose lease is free or expired (a dead worker's chunk comes back). The guard is in
	 * the query of a single {@code findAndModify}, so two workers never hold the same chunk at once.
	 */
	Mono<Optional<BulkChunk>> claim(String worker) {
		Instant now = clock.instant();
		Query claimable = Query.query(Criteria.where("status").is(BulkChunk.Status.PENDING)
			.orOperator(Criteria.where("claimedUntil").is(null), Criteria.where("claimedUntil").lt(now)));
		return mongo
			.findAndModify(claimable,
					new Update().set("claimedBy", worker + ":" + UUID.randomUUID())
						.set("claimedUntil", now.plus(LEASE))
						.inc("attempts", 1),
					FindAndModifyOptions.options().returnNew(true), BulkChunk.class)
			.map(Optional::of)
			.defaultIfEmpty(Optional.empty());
	}

	/**
	 * Awards every recipient of a claimed chunk, then counts the chunk on the job (once, whoever gets there first)
	 * and closes it if this worker still holds the claim. Returns whether this worker completed the chunk.
	 */
	Mono<Boolean> process(BulkChunk chunk) {
		if (chunk.attempts() > MAX_ATTEMPTS) {
			// something keeps killing this chunk's worker: record it as failed rather than retry forever
			List<BulkChunk.Result> gaveUp = chunk.recipients().stream()
				.map(row -> new BulkChunk.Result(row.email(), null, "gave up after " + MAX_ATTEMPTS + " attempts"))
				.toList();
			return count(chunk, gaveUp).then(close(chunk, gaveUp));
		}
		return issuers.badgeClassById(chunk.badgeClassId())
			.switchIfEmpty(Mono.error(() -> new IllegalStateException("badge class " + chunk.badgeClassId() + " gone")))
			.flatMap(badge -> awardAll(chunk, badge))
			.flatMap(results -> count(chunk, results).then(close(chunk, results)))
			.onErrorResume(ex -> {
				// the lease runs out and another worker (or this one) tries again
				log.warn("Bulk chunk {} failed, to be retried: {}", chunk.id(), ex.toString());
				return Mono.just(false);
			});
	}

	/**
	 * Awards the chunk's recipients together: the district's people found with one query, the template, issuer and
	 * key read once, badges signed on up to {@code concurrency} threads, assertions and awards stored in batches.
	 * A failure that no retry would cure (the template is gone, the key was revoked) is reported for every
	 * recipient of the chunk rather than retried.
	 */
	private Mono<List<BulkChunk.Result>> awardAll(BulkChunk chunk, BadgeClassRecord badge) {
		List<String> emails = chunk.recipients().stream().map(Row::email).toList();
		return people.inDistrictByEmail(chunk.districtId(), emails)
			.collectMap(Person::email)
			.flatMap(known -> {
				List<Issuance.IssueRequest> requests = chunk.recipients().stream().map(row -> {
					Person p = known.get(row.email());
					Recipient recipient = p == null ? new Recipient(row.email(), row.name(), null)
							: new Recipient(p.email(), row.name() != null ? row.name() : p.displayName(), p.id());
					String awardKey = awardKey(chunk.badgeClassId(), row.email());
					return new Issuance.IssueRequest(awardKey, chunk.districtId(), newAwardId(), recipient, badge,
							0, null);
				}).toList();
				return issuance.prepare(chunk.districtId(), badge)
					.flatMap(batch -> issuance.issueAll(batch, requests, concurrency))
					.flatMap(issued -> recordAwards(badge, requests, issued)
						// one mail per award, however often the list is retried or whichever instance runs it; the
						// chunk's markers in one store command and its messages handed to the mailer together
						.then(mail.sendOnce(mails(requests, issued)))
						.thenReturn(requests.stream().map(r -> new BulkChunk.Result(r.recipient().email(),
								issued.get(r.issueKey()).id(), null)).toList()))
					.onErrorResume(ex -> !isTransient(ex), ex -> {
						log.warn("Bulk awards in {} failed: {}", chunk.id(), ex.toString());
						return Mono.just(chunk.recipients().stream()
							// the admin reads this: words, never a class name
							.map(row -> new BulkChunk.Result(row.email(), null,
									"Could not be awarded: the badge or the district's signing key is no longer available."))
							.toList());
					});
			});
	}

	/** The chunk's awards in upload order: award key to its assertion. */
	private static Map<String, IssuedAssertion> mails(List<Issuance.IssueRequest> requests,
			Map<String, IssuedAssertion> issued) {
		Map<String, IssuedAssertion> mails = new LinkedHashMap<>();
		requests.forEach(r -> mails.put(r.issueKey(), issued.get(r.issueKey())));
		return mails;
	}

	/** A store that did not answer: the chunk is retried once its lease runs out, rather than failed. */
	private static boolean isTransient(Throwable ex) {
		return ex instanceof org.springframework.dao.TransientDataAccessException
				|| ex instanceof org.springframework.dao.DataAccessResourceFailureException;
	}

	/**
	 * The award records of a chunk, each exactly once however often the chunk runs (see {@link Awards#recordIssued}),
	 * under the award id its assertion names: an assertion stored by an earlier run of the chunk names that run's id.
	 */
	private Mono<Void> recordAwards(BadgeClassRecord badge, List<Issuance.IssueRequest> requests,
			Map<String, IssuedAssertion> issued) {
		return awards.recordIssued(requests.stream().map(r -> {
			IssuedAssertion assertion = issued.get(r.issueKey());
			return new Awards.IssuedAward(assertion.awardId(), r.issueKey(), r.districtId(), r.recipient().personId(),
					badge.templateId(), badge.tierKey(), assertion.id());
		}).toList(), clock.instant());
	}

	/** Adds the chunk's outcome to the job exactly once: the guard and the increment are one atomic update. */
	private Mono<Void> count(BulkChunk chunk, List<BulkChunk.Result> results) {
		int failed = (int) results.stream().filter(BulkChunk.Result::failed).count();
		return mongo
			.findAndModify(
					Query.query(Criteria.where("_id").is(chunk.jobId()).and("completedChunks").ne(chunk.number())),
					new Update().addToSet("completedChunks", chunk.number())
						.inc("done", results.size() - failed)
						.inc("failed", failed),
					FindAndModifyOptions.options().returnNew(true), BulkJob.class)
			.filter(job -> job.status() == BulkJob.Status.DONE)
			.flatMap(job -> mongo.updateFirst(
					Query.query(Criteria.where("_id").is(job.id()).and("finishedAt").is(null)),
					new Update().set("finishedAt", clock.instant()), BulkJob.class))
			.doOnNext(finished -> log.info("Bulk award job {} finished", chunk.jobId()))
			.then();
	}

	private Mono<Boolean> close(BulkChunk chunk, List<BulkChunk.Result> results) {
		return mongo.updateFirst(
				Query.query(Criteria.where("_id").is(chunk.id()).and("claimedBy").is(chunk.claimedBy())
					.and("status").is(BulkChunk.Status.PENDING)),
				new Update().set("status", BulkChunk.Status.DONE).set("results", results).unset("claimedUntil"),
				BulkChunk.class)
			.map(result -> result.getModifiedCount() == 1);
	}


	static String awardKey(String badgeClassId, String email) {
		return "bulk:" + badgeClassId + ":" + email;
	}

	/**
	 * A new award id, chosen before the assertion that names it is stored. Time-ordered, so a chunk's awards append
	 * to the embedded store's last pages (a hash of the award key put each on a random page); the award key, not the
	 * id, makes the award unique.
	 */
	static String newAwardId() {
		return "bulk-" + OpaqueIds.timeOrdered();
	}

}
