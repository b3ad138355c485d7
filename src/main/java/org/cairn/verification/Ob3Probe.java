package org.cairn.verification;

import java.time.Instant;

import org.cairn.openbadges.OpenBadgeCredential;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * Runs the Open Badges 3.0 verification procedure (spec "OpenBadgeCredential Verification") as named probes, the
 * way {@link Verifier} runs the 2.0 one: {@link Ob3StructureProbe} (context and structure), {@link Ob3SchemaProbe} (1EdTech's JSON schema), {@link Ob3JwtProbe}
 * (the VC-JWT) and {@link Ob3DataIntegrityProbe} (the embedded {@code eddsa-rdfc-2022} proof), both with keys
 * {@link Ob3KeyProbe} finds the issuer owns, {@link Ob3StatusProbe} (the 1EdTech revocation list) and
 * {@link Ob3ClaimsProbe} (validity period, recipient). This class only links them. Never the signing code: keys
 * come from what the issuer publishes, canonicalization is RDFC-1.0 over the vendored contexts only, signatures are
 * checked by nimbus and the JDK.
 */
final class Ob3Probe {

	private final Ob3JwtProbe jwt;

	private final Ob3DataIntegrityProbe dataIntegrity;

	private final Ob3StatusProbe status;

	private final Ob3SchemaProbe schema;

	/** The 3.0 probes wired as the verifier wires them, sharing one retrieval (tests build it this way too). */
	static Ob3Probe over(Retrieval retrieval, tools.jackson.databind.json.JsonMapper json) {
		Ob3KeyProbe keys = new Ob3KeyProbe(retrieval);
		return new Ob3Probe(new Ob3JwtProbe(keys), new Ob3DataIntegrityProbe(keys, json), new Ob3StatusProbe(retrieval),
				new Ob3SchemaProbe());
	}

	Ob3Probe(Ob3JwtProbe jwt, Ob3DataIntegrityProbe dataIntegrity, Ob3StatusProbe status, Ob3SchemaProbe schema) {
		this.jwt = jwt;
		this.dataIntegrity = dataIntegrity;
		this.status = status;
		this.schema = schema;
	}

	/** Whether a document is a VC Data Model credential of Open Badges 3.0 rather than a 2.0 document. */
	static boolean isCredential(JsonNode node) {
		return Ob3StructureProbe.isCredential(node);
	}

	Mono<Void> verify(JsonNode credential, Run run, Instant now) {
		run.ob3 = true;
		run.kind = OpenBadgeCredential.TYPE;
		run.assertion = credential;
		JsonNode issuer = credential.get("issuer");
		run.issuer = issuer != null && issuer.isObject() ? issuer : null;
		JsonNode subject = credential.get("credentialSubject");
		JsonNode achievement = subject == null ? null : subject.get("achievement");
		run.badge = achievement != null && achievement.isObject() ? achievement : null;
		run.current = CheckId.OB3_CONTEXT;
		Ob3StructureProbe.context(credential, run);
		run.current = CheckId.OB3_STRUCTURE;
		Ob3StructureProbe.structure(credential, run);
		schema.check(credential, run);
		String issuerId = issuer == null ? null : Nodes.iri(issuer);
		boolean signedAsJwt = run.jws != null;
		run.verificationType = signedAsJwt ? "vc-jwt" : "data-integrity";
		Mono<Void> proofs = (signedAsJwt ? jwt.check(credential, issuerId, run)
				: Mono.<Void>fromRunnable(() -> run.skip(CheckId.OB3_PROOF_JWT, "Given as JSON, not as a VC-JWT.")))
			.then(Mono.defer(() -> dataIntegrity.check(credential, issuerId, run, signedAsJwt)));
		return proofs.then(Mono.defer(() -> status.check(credential, run))).then(Mono.fromRunnable(() -> {
			run.current = CheckId.OB3_VALIDITY;
			Ob3ClaimsProbe.validity(credential, now, run);
			run.current = CheckId.RECIPIENT_MATCH;
			Ob3ClaimsProbe.recipient(subject, run);
		}));
	}

	/** Whether a document is an Open Badges 3.0 EndorsementCredential. */
	static boolean isEndorsementCredential(JsonNode node) {
		return Nodes.types(node).contains("EndorsementCredential");
	}

	/**
	 * An EndorsementCredential (spec "EndorsementCredential"): the same context, proofs, key ownership, status and
	 * validity as a badge credential, and an {@code EndorsementSubject} naming what it endorses. Not validated against
	 * the AchievementCredential schema, which is not its schema.
	 */
	Mono<Void> verifyEndorsement(JsonNode credential, Run run, Instant now) {
		run.ob3 = true;
		run.endorsement = true;
		run.kind = "EndorsementCredential";
		run.assertion = credential;
		JsonNode issuer = credential.get("issuer");
		run.issuer = issuer != null && issuer.isObject() ? issuer : null;
		run.current = CheckId.OB3_CONTEXT;
		Ob3StructureProbe.context(credential, run);
		run.current = CheckId.ENDORSEMENT_STRUCTURE;
		Ob3StructureProbe.endorsementStructure(credential, run);
		run.skip(CheckId.OB3_SCHEMA, "An endorsement is checked against its own structure (endorsement.structure).");
		String issuerId = issuer == null ? null : Nodes.iri(issuer);
		boolean signedAsJwt = run.jws != null;
		run.verificationType = signedAsJwt ? "vc-jwt" : "data-integrity";
		Mono<Void> proofs = (signedAsJwt ? jwt.check(credential, issuerId, run)
				: Mono.<Void>fromRunnable(() -> run.skip(CheckId.OB3_PROOF_JWT, "Given as JSON, not as a VC-JWT.")))
			.then(Mono.defer(() -> dataIntegrity.check(credential, issuerId, run, signedAsJwt)));
		return proofs.then(Mono.defer(() -> status.check(credential, run))).then(Mono.fromRunnable(() -> {
			run.current = CheckId.OB3_VALIDITY;
			Ob3ClaimsProbe.validity(credential, now, run);
			run.skip(CheckId.RECIPIENT_MATCH, "An endorsement has no recipient.");
		}));
	}

}
