package org.cairn.verification;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.cairn.language.Language;
import org.cairn.outbound.DocumentFetcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs the Open Badges 2.0 verification procedure (spec "Verification") as named probes, one per stage, each
 * recording its checks ({@link CheckId}) on the {@link Run}: {@link InputProbe} (what was given, and the badge taken
 * out of it), {@link DocumentProbe} (JWS, JSON, JSON-LD context and types), {@link HostedProbe} (retrieval from the
 * id, consistency, scope), {@link StructureProbe}, {@link SignatureProbe} and {@link ClaimsProbe} (revocation, dates,
 * recipient); an Open Badges 3.0 credential goes to {@link Ob3Probe} instead, a CLR 2.0 learner record to
 * {@link ClrProbe}. This class only links them: which stage follows which, and the badge class and issuer in between.
 * Every failure is a check in the report, never an exception.
 */
public final class Verifier {

	private static final Logger log = LoggerFactory.getLogger(Verifier.class);

	private final Retrieval retrieval;

	private final DocumentProbe document;

	private final HostedProbe hosted;

	private final SignatureProbe signature;

	private final ClaimsProbe claims;

	private final Ob3Probe ob3;

	private final Ob3SchemaProbe schema;

	private final TranscriptVerification transcripts;

	private final ClrProbe clr;

	private final EndorsementProbe endorsements;

	private final Clock clock;

	private final Duration deadline;

	private final Verdicts verdicts;

	public Verifier(DocumentFetcher documents, JsonMapper json, Clock clock, Duration deadline) {
		this.retrieval = new Retrieval(documents);
		this.document = new DocumentProbe(json);
		this.hosted = new HostedProbe(retrieval);
		this.signature = new SignatureProbe(retrieval);
		this.claims = new ClaimsProbe(retrieval);
		this.transcripts = new TranscriptVerification(json);
		Ob3KeyProbe keys = new Ob3KeyProbe(retrieval);
		Ob3JwtProbe jwt = new Ob3JwtProbe(keys);
		Ob3DataIntegrityProbe dataIntegrity = new Ob3DataIntegrityProbe(keys, json);
		Ob3StatusProbe status = new Ob3StatusProbe(retrieval);
		Ob3SchemaProbe schema = new Ob3SchemaProbe();
		this.schema = schema;
		this.ob3 = new Ob3Probe(jwt, dataIntegrity, status, schema);
		this.clr = new ClrProbe(ob3, jwt, dataIntegrity, status, schema);
		this.endorsements = new EndorsementProbe(retrieval, document, hosted, signature, claims, ob3);
		this.clock = clock;
		this.deadline = deadline;
		this.verdicts = new Verdicts(documents, clock, json);
	}

	/**
	 * Compiles the Open Badges 3.0 JSON schemas (blocking, CPU): called once the service is ready, so neither the
	 * start nor the first 3.0 verification pays for it.
	 */
	void prepare() {
		schema.prepare();
	}

	Mono<Report> verify(VerificationRequest request) {
		return verified(request).map(Verified::report);
	}

	/**
	 * The report, and for a remembered one its JSON written once: whoever gets the report unchanged (no district's
	 * trust marks, a JSON answer) can send those bytes instead of writing the report again.
	 */
	Mono<Verified> verified(VerificationRequest request) {
		if (request.source() == VerificationRequest.Source.FILE && request.file() != null
				&& PdfExtraction.looksLike(request.file())) {
			// a transcript carries many badges: each is verified and reported on its own
			return Mono.fromCallable(() -> java.util.Optional.ofNullable(PdfExtraction.attachments(request.file())))
				.subscribeOn(Schedulers.boundedElastic())
				.flatMap(found -> TranscriptVerification.isTranscript(found.orElse(null))
						? transcripts.verify(found.get(), request.recipient(), this::verifyOne)
						: verifyOne(request))
				.map(report -> new Verified(report, null));
		}
		return remembered(request);
	}

	/** @param remembered the remembered entry the report came from, or null when it was verified now */
	record Verified(Report report, Verdicts.Remembered remembered) {

		/** The report in a language written as JSON once, or null when it was not remembered (write it as usual). */
		byte[] json(Language language) {
			return remembered == null ? null : remembered.json(language);
		}

	}

	/** One badge: a remembered report when nothing it read changed ({@link Verdicts}), else verified in full. */
	private Mono<Verified> remembered(VerificationRequest request) {
		String key = Verdicts.key(request);
		return verdicts.recall(key).map(entry -> new Verified(entry.report(), entry)).switchIfEmpty(Mono.defer(() -> {
			Verdicts.Reads reads = new Verdicts.Reads();
			Run run = new Run(request.recipient());
			return steps(request, run).then(Mono.fromCallable(() -> {
				Report report = report(run);
				verdicts.remember(key, report, run, reads);
				return new Verified(report, null);
			})).contextWrite(context -> context.put(Verdicts.Reads.class, reads));
		}));
	}

	private Mono<Report> verifyOne(VerificationRequest request) {
		Run run = new Run(request.recipient());
		return steps(request, run).then(Mono.fromCallable(() -> report(run)));
	}

	private Mono<Void> steps(VerificationRequest request, Run run) {
		Mono<Void> steps = Mono.fromCallable(() -> InputProbe.detect(request, run))
			// images and PDFs are parsed off the event loop
			.subscribeOn(request.source() == VerificationRequest.Source.FILE ? Schedulers.boundedElastic()
					: Schedulers.immediate())
			.flatMap(content -> content.isEmpty() ? Mono.empty() : Mono.just(content.get()))
			.flatMap(content -> start(content, run))
			.then(Mono.defer(() -> run.endorsement ? Mono.<Void>empty()
					: endorsements.all(run, clock.instant()).doOnNext(list -> run.endorsements = list).then()))
			.timeout(deadline)
			.onErrorResume(ex -> {
				if (ex instanceof java.util.concurrent.TimeoutException) {
					run.fail(run.current, "Verification did not finish within " + deadline.toSeconds() + " seconds.");
				}
				else {
					log.warn("Verification step {} failed unexpectedly", run.current.id(), ex);
					run.fail(run.current, "This step could not be completed on the input given.");
				}
				return Mono.empty();
			});
		return steps;
	}

	/**
	 * The remembered report of a URL, assertion or JWS request when it still holds and everything it read is in
	 * memory now, found at once (see {@link Verdicts#recallHeld}); null otherwise, and then {@link #verified} gives
	 * the answer.
	 */
	Verdicts.Remembered recallHeld(VerificationRequest request) {
		return request.source() == VerificationRequest.Source.FILE ? null : verdicts.recallHeld(Verdicts.key(request));
	}

	/** How many reports are remembered now (for tests). */
	int remembered() {
		return verdicts.size();
	}

	/** How many times a remembered report was given again (for tests). */
	long recalled() {
		return verdicts.recalled();
	}

	// ---- the badge content: URL, JSON or JWS --------------------------------------------------------------------

	private Mono<Void> start(String content, Run run) {
		InputKind kind = InputProbe.classify(content);
		if (run.input == InputKind.URL && kind != InputKind.URL) {
			run.fail(CheckId.INPUT_DETECT, "The URL is not an http(s) URL.");
			return Mono.empty();
		}
		if (run.input == InputKind.JWS && kind != InputKind.JWS) {
			run.fail(CheckId.JWS_FORMAT, "A compact JWS has three base64url parts separated by dots.");
			return Mono.empty();
		}
		switch (kind) {
			case URL -> {
				run.skip(CheckId.JWS_FORMAT, "Not a JWS: the badge was given by its URL.");
				if (!Nodes.isHttp(content) || Nodes.uri(content) == null) {
					run.fail(CheckId.INPUT_DETECT, "The URL is not an http(s) URL.");
					return Mono.empty();
				}
				return hosted.retrieve(content, run).flatMap(body -> {
					run.pass(CheckId.DOCUMENT_JSON, "The assertion is a JSON object.");
					if (run.revoked) {
						run.assertion = body;
						return revokedWithoutBody(run);
					}
					return document(body, run);
				}).switchIfEmpty(Mono.defer(() -> revokedWithoutBody(run)));
			}
			case JWS -> {
				JsonNode payload = document.jws(content, run);
				return payload == null ? Mono.empty() : document(payload, run);
			}
			default -> {
				run.skip(CheckId.JWS_FORMAT, "Not a JWS: the badge was given as JSON.");
				JsonNode node = document.parse(content, run, "The assertion");
				return node == null ? Mono.empty() : document(node, run);
			}
		}
	}

	/**
	 * A hosted assertion answered 410 Gone or {@code "revoked": true}: revoked, and nothing else is judged (spec
	 * "Revoking Hosted Assertions": such a document need only carry id and revoked).
	 */
	private Mono<Void> revokedWithoutBody(Run run) {
		if (run.revoked) {
			run.kind = "Assertion";
			run.verificationType = "hosted";
			ClaimsProbe.revoked(run);
		}
		return Mono.empty();
	}

	private Mono<Void> document(JsonNode node, Run run) {
		if (ClrProbe.isLearnerRecord(node)) {
			// a learner record (CLR 2.0): its own envelope and proof, then every credential it holds
			return clr.verify(node, run, clock.instant());
		}
		if (Ob3Probe.isEndorsementCredential(node) || Nodes.types(node).contains("Endorsement")) {
			// an endorsement given on its own (its URL, JSON or JWS): verified as an endorsement
			return endorsements.verify(node, run, clock.instant(), run.retrievedFrom != null)
				.then(Mono.fromRunnable(() -> notApplicable(run, "The document is an endorsement, not an Assertion.")));
		}
		if (Ob3Probe.isCredential(node)) {
			// an Open Badges 3.0 credential (JSON, VC-JWT payload, or retrieved from its URL): its own procedure
			return ob3.verify(node, run, clock.instant());
		}
		run.current = CheckId.JSONLD_CONTEXT;
		DocumentProbe.context(node, run, "The document");
		run.current = CheckId.JSONLD_TYPES;
		DocumentProbe.types(node, run, "The document");
		List<String> types = Nodes.types(node);
		if (types.contains("Assertion")) {
			run.kind = "Assertion";
			return assertion(node, run);
		}
		if (types.contains("BadgeClass")) {
			run.kind = "BadgeClass";
			run.badge = node;
			run.current = CheckId.BADGE_STRUCTURE;
			StructureProbe.badgeStructure(node, run);
			return issuerOf(node, run)
				.then(Mono.fromRunnable(() -> notApplicable(run, "The document is a BadgeClass, not an Assertion.")));
		}
		if (types.contains("Issuer") || types.contains("Profile")) {
			run.kind = types.contains("Issuer") ? "Issuer" : "Profile";
			run.issuer = node;
			run.current = CheckId.ISSUER_STRUCTURE;
			StructureProbe.issuerStructure(node, run);
			notApplicable(run, "The document is an issuer Profile, not an Assertion.");
			return Mono.empty();
		}
		run.kind = types.isEmpty() ? null : types.get(0);
		if (types.isEmpty()) {
			run.fail(CheckId.ASSERTION_STRUCTURE, "The document has no type; an assertion has type Assertion.");
		}
		notApplicable(run, "The document is not an Assertion.");
		return Mono.empty();
	}

	private static void notApplicable(Run run, String why) {
		for (CheckId id : List.of(CheckId.ASSERTION_STRUCTURE, CheckId.ASSERTION_RETRIEVAL, CheckId.CONSISTENCY,
				CheckId.HOSTED_SCOPE, CheckId.SIGNATURE_ALGORITHM, CheckId.SIGNATURE_KEY, CheckId.SIGNATURE_VALID,
				CheckId.REVOCATION, CheckId.DATES, CheckId.EXPIRY, CheckId.RECIPIENT_MATCH)) {
			if (!run.recorded(id)) {
				run.skip(id, why);
			}
		}
	}

	// ---- assertion ---------------------------------------------------------------------------------------------

	private Mono<Void> assertion(JsonNode given, Run run) {
		run.assertion = given;
		String verificationType = StructureProbe.verificationType(given);
		run.verificationType = verificationType;
		boolean signed = "signed".equals(verificationType);
		Mono<JsonNode> judged;
		if (signed) {
			run.skip(CheckId.ASSERTION_RETRIEVAL, "A signed assertion is verified from its JWS, not retrieved.");
			run.skip(CheckId.HOSTED_SCOPE, "A signed assertion is checked with the issuer's key instead.");
			judged = Mono.just(given);
		}
		else {
			String why = verificationType == null ? "The assertion declares neither hosted nor signed verification."
					: "A hosted assertion is not signed.";
			run.skip(CheckId.SIGNATURE_ALGORITHM, why);
			run.skip(CheckId.SIGNATURE_KEY, why);
			run.skip(CheckId.SIGNATURE_VALID, why);
			if (run.jws != null && verificationType != null) {
				run.warn(CheckId.CONSISTENCY, "The JWS carries a hosted assertion; its hosted copy is what counts.");
			}
			// spec: an assertion in hand only names its URL; the document retrieved from there is the one judged
			judged = run.retrievedFrom != null ? Mono.just(given)
					: hosted.retrieve(Nodes.text(given, "id"), run).map(copy -> {
						DocumentProbe.context(copy, run, "The hosted assertion");
						DocumentProbe.types(copy, run, "The hosted assertion");
						run.assertion = copy;
						return copy;
					}).switchIfEmpty(Mono.defer(() -> revokedWithoutBody(run).then(Mono.empty())));
		}
		return judged.flatMap(assertion -> {
			if (run.revoked) {
				// spec "Revoking Hosted Assertions": only id and revoked are required; nothing else is judged
				run.current = CheckId.REVOCATION;
				ClaimsProbe.revoked(run);
				return Mono.empty();
			}
			run.current = CheckId.ASSERTION_STRUCTURE;
			StructureProbe.assertionStructure(assertion, verificationType, run);
			if (signed && run.jws == null) {
				run.fail(CheckId.SIGNATURE_VALID,
						"The assertion declares signed verification but was given without its JWS.");
			}
			return badgeOf(assertion, run).flatMap(badge -> issuerOf(badge, run).flatMap(issuer -> {
				run.current = CheckId.HOSTED_SCOPE;
				if (!signed) {
					// where the assertion really came from; a copy's own id (checked on consistency) proves nothing
					HostedProbe.scope(run.retrievedFrom != null ? run.retrievedFrom : Nodes.text(assertion, "id"),
							issuer, run);
				}
				return (signed && run.jws != null ? signature.check(assertion, issuer, run) : Mono.<Void>empty())
					.then(Mono.defer(() -> claims.revocation(assertion, issuer, run)));
			})).then(Mono.fromRunnable(() -> {
				run.current = CheckId.DATES;
				ClaimsProbe.dates(assertion, clock.instant(), run);
				run.current = CheckId.RECIPIENT_MATCH;
				ClaimsProbe.recipient(assertion, run);
				if (!run.recorded(CheckId.CONSISTENCY)) {
					if (run.retrievedLinked) {
						run.pass(CheckId.CONSISTENCY, "Each document retrieved is served at its own id.");
					}
					else {
						run.skip(CheckId.CONSISTENCY, "Nothing was retrieved whose address could be compared.");
					}
				}
			}));
		});
	}

	// ---- badge class and issuer --------------------------------------------------------------------------------

	private Mono<JsonNode> badgeOf(JsonNode assertion, Run run) {
		run.current = CheckId.BADGE_RETRIEVAL;
		return retrieval.linked(assertion.get("badge"), CheckId.BADGE_RETRIEVAL, "badge class", run).map(badge -> {
			run.badge = badge;
			run.current = CheckId.BADGE_STRUCTURE;
			StructureProbe.badgeStructure(badge, run);
			return badge;
		});
	}

	private Mono<JsonNode> issuerOf(JsonNode badge, Run run) {
		run.current = CheckId.ISSUER_RETRIEVAL;
		return retrieval.linked(badge.get("issuer"), CheckId.ISSUER_RETRIEVAL, "issuer profile", run).map(issuer -> {
			run.issuer = issuer;
			run.current = CheckId.ISSUER_STRUCTURE;
			StructureProbe.issuerStructure(issuer, run);
			return issuer;
		});
	}

	// ---- the report --------------------------------------------------------------------------------------------

	static Report report(Run run) {
		List<Check> checks = run.checks().stream().map(c -> c.withSentences(Sentences.all(c, run))).toList();
		boolean valid = checks.stream().noneMatch(c -> c.outcome() == Outcome.FAILED)
				&& checks.stream().anyMatch(c -> c.outcome() == Outcome.PASSED);
		return Summaries.report(valid, run, checks);
	}

	static String abbreviate(String value) {
		return value.length() > 120 ? value.substring(0, 117) + "..." : value;
	}

}
