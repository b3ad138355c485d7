package org.cairn.verification;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.cairn.openbadges.ClrCredential;
import org.cairn.openbadges.LinkedData;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * Verifies a learner record (CLR 2.0 {@code ClrCredential}, spec "Verification" of CLR 2.0: the same procedure as an
 * Open Badges 3.0 credential, then each credential it holds). The record's own envelope and proof are judged with
 * the 3.0 checks ({@code ob3.context} with the CLR 2.0 context, {@code ob3.structure} with a ClrSubject holding
 * credentials, {@code ob3.schema}, the proofs and their key, {@code ob3.validity}); then {@code clr.credentials}:
 * every credential inside is verified on its own by {@link Ob3Probe}, its report listed in the answer, and the
 * record fails when any one of them does (a tampered, forged, revoked or expired badge inside a validly signed
 * record is still refused).
 */
final class ClrProbe {

	/** Credentials judged in one record: each costs key and status look-ups. */
	static final int MAX_CREDENTIALS = 200;

	private final Ob3Probe ob3;

	private final Ob3JwtProbe jwt;

	private final Ob3DataIntegrityProbe dataIntegrity;

	private final Ob3StatusProbe status;

	private final Ob3SchemaProbe schema;

	ClrProbe(Ob3Probe ob3, Ob3JwtProbe jwt, Ob3DataIntegrityProbe dataIntegrity, Ob3StatusProbe status,
			Ob3SchemaProbe schema) {
		this.ob3 = ob3;
		this.jwt = jwt;
		this.dataIntegrity = dataIntegrity;
		this.status = status;
		this.schema = schema;
	}

	static boolean isLearnerRecord(JsonNode node) {
		return Nodes.types(node).contains(ClrCredential.TYPE);
	}

	Mono<Void> verify(JsonNode record, Run run, Instant now) {
		run.ob3 = true;
		run.clr = true;
		run.kind = ClrCredential.TYPE;
		run.assertion = record;
		JsonNode issuer = record.get("issuer");
		run.issuer = issuer != null && issuer.isObject() ? issuer : null;
		run.current = CheckId.OB3_CONTEXT;
		context(record, run);
		run.current = CheckId.OB3_STRUCTURE;
		List<JsonNode> held = structure(record, run);
		schema.checkLearnerRecord(record, run);
		String issuerId = issuer == null ? null : Nodes.iri(issuer);
		boolean signedAsJwt = run.jws != null;
		run.verificationType = signedAsJwt ? "vc-jwt" : "data-integrity";
		Mono<Void> proofs = (signedAsJwt ? jwt.check(record, issuerId, run)
				: Mono.<Void>fromRunnable(() -> run.skip(CheckId.OB3_PROOF_JWT, "Given as JSON, not as a VC-JWT.")))
			.then(Mono.defer(() -> dataIntegrity.check(record, issuerId, run, signedAsJwt)));
		Mono<Void> recordStatus = Mono.defer(() -> record.get("credentialStatus") != null ? status.check(record, run)
				: Mono.fromRunnable(() -> run.skip(CheckId.OB3_STATUS, "The learner record has no status of its own:"
						+ " the status of each credential it holds is checked under clr.credentials.")));
		JsonNode subject = record.get("credentialSubject");
		return proofs.then(recordStatus).then(Mono.fromRunnable(() -> {
			run.current = CheckId.OB3_VALIDITY;
			Ob3ClaimsProbe.validity(record, now, run);
			run.current = CheckId.RECIPIENT_MATCH;
			Ob3ClaimsProbe.recipient(subject, run);
		})).then(Mono.defer(() -> credentials(held, run, now)));
	}

	private static void context(JsonNode record, Run run) {
		List<String> urls = Ob3StructureProbe.contexts(record);
		if (urls.isEmpty() || !LinkedData.VC_V2.equals(urls.get(0))) {
			run.fail(CheckId.OB3_CONTEXT, "The first @context must be " + LinkedData.VC_V2
					+ " (VC Data Model 2.0); Cairn verifies CLR 2.0 learner records of that model.");
		}
		else if (urls.stream().noneMatch(u -> u.startsWith("https://purl.imsglobal.org/spec/clr/v2p0/context"))) {
			run.fail(CheckId.OB3_CONTEXT, "No CLR 2.0 context (" + LinkedData.CLR_V2 + ").");
		}
		else {
			run.pass(CheckId.OB3_CONTEXT, "VC Data Model 2.0 and CLR 2.0 contexts.");
		}
	}

	/** Checks the record's shape; returns the credentials it holds (empty when there are none to judge). */
	private static List<JsonNode> structure(JsonNode record, Run run) {
		List<String> missing = new ArrayList<>();
		List<String> types = Nodes.types(record);
		if (!types.contains("VerifiableCredential") || !types.contains(ClrCredential.TYPE)) {
			missing.add("type VerifiableCredential and ClrCredential");
		}
		Ob3StructureProbe.envelope(record, missing);
		JsonNode subject = record.get("credentialSubject");
		JsonNode held = subject == null ? null : subject.get("verifiableCredential");
		List<JsonNode> credentials = held == null ? List.of()
				: held.isArray() ? held.values().stream().toList() : List.of(held);
		if (subject == null || !subject.isObject() || !Nodes.types(subject).contains("ClrSubject")) {
			missing.add("credentialSubject of type ClrSubject");
		}
		else if (credentials.isEmpty()) {
			missing.add("credentialSubject.verifiableCredential (at least one credential)");
		}
		if (credentials.size() > MAX_CREDENTIALS) {
			missing.add("at most " + MAX_CREDENTIALS + " credentials (it holds " + credentials.size() + ")");
		}
		if (missing.isEmpty()) {
			run.pass(CheckId.OB3_STRUCTURE, "Every required property is present; it holds " + credentials.size()
					+ " credential" + (credentials.size() == 1 ? "" : "s") + ".");
			return credentials;
		}
		run.fail(CheckId.OB3_STRUCTURE, "Missing or wrong: " + String.join(", ", missing) + ".");
		return credentials.size() > MAX_CREDENTIALS ? List.of() : credentials;
	}

	private Mono<Void> credentials(List<JsonNode> held, Run run, Instant now) {
		run.current = CheckId.CLR_CREDENTIALS;
		if (held.isEmpty()) {
			run.fail(CheckId.CLR_CREDENTIALS, "The learner record holds no credential to verify.");
			return Mono.empty();
		}
		return Flux.fromIterable(held).concatMap(credential -> one(credential, run.recipient, now)).collectList()
			.doOnNext(reports -> {
				run.held = reports;
				List<String> refused = new ArrayList<>();
				for (int i = 0; i < reports.size(); i++) {
					Report r = reports.get(i);
					if (!r.valid()) {
						String name = r.badge() != null && r.badge().name() != null ? r.badge().name()
								: "credential " + (i + 1);
						String failed = r.checks().stream().filter(c -> c.outcome() == Outcome.FAILED)
							.map(c -> c.id().id()).reduce((a, b) -> a + ", " + b).orElse("");
						refused.add("\u201C" + name + "\u201D (" + failed + ")");
					}
				}
				if (refused.isEmpty()) {
					run.pass(CheckId.CLR_CREDENTIALS, "All " + reports.size() + " credentials it holds verify.");
				}
				else {
					run.fail(CheckId.CLR_CREDENTIALS, refused.size() + " of " + reports.size()
							+ " credentials it holds do not verify: " + String.join("; ", refused) + ".");
				}
			})
			.then();
	}

	/** One held credential, verified as if it had been given on its own as JSON. */
	private Mono<Report> one(JsonNode credential, String recipient, Instant now) {
		Run inner = new Run(recipient);
		inner.input = InputKind.JSON;
		inner.skip(CheckId.INPUT_DETECT, "Taken from the learner record.");
		inner.skip(CheckId.JWS_FORMAT, "Held in the learner record as JSON.");
		Mono<Void> judged;
		if (!credential.isObject() || !Ob3StructureProbe.isCredential(credential)
				|| ClrProbe.isLearnerRecord(credential)) {
			// a record inside a record is not followed: that would be unbounded work
			inner.ob3 = true;
			inner.fail(CheckId.OB3_STRUCTURE, "Not an Open Badges 3.0 credential.");
			judged = Mono.empty();
		}
		else {
			inner.pass(CheckId.DOCUMENT_JSON, "The credential is a JSON object.");
			judged = ob3.verify(credential, inner, now);
		}
		return judged.onErrorResume(ex -> {
			inner.fail(inner.current, "This step could not be completed on the credential given.");
			return Mono.empty();
		}).then(Mono.fromCallable(() -> Verifier.report(inner)));
	}

}
