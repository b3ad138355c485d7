package org.cairn.verification;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The checks of a verification, in the order the Open Badges 2.0 procedure runs them (spec "Verification",
 * "HostedBadge Verification", "SignedBadge Verification"). The ids are public API: clients and tests key on them.
 */
public enum CheckId {

	/** What was given: a URL, assertion JSON, a compact JWS, a PNG, an SVG or a PDF. */
	INPUT_DETECT("input.detect"),
	/** The assertion taken out of an image or certificate (one {@code openbadges} chunk, element or attachment). */
	INPUT_EXTRACT("input.extract"),
	/** A compact JWS with three base64url parts and a JSON header. */
	JWS_FORMAT("jws.format"),
	/** The assertion (or JWS payload) parses as one JSON object. */
	DOCUMENT_JSON("document.json"),
	/** {@code @context} is the Open Badges v2 context (spec "Open Badges in Linked Data"). */
	JSONLD_CONTEXT("jsonld.context"),
	/** Every {@code type} is an Open Badges class or an extension IRI. */
	JSONLD_TYPES("jsonld.types"),
	/** The assertion has its required properties with the expected value types. */
	ASSERTION_STRUCTURE("assertion.structure"),
	/** A hosted assertion was retrieved from its id and is the one given. */
	ASSERTION_RETRIEVAL("assertion.retrieval"),
	BADGE_RETRIEVAL("badge.retrieval"),
	BADGE_STRUCTURE("badge.structure"),
	ISSUER_RETRIEVAL("issuer.retrieval"),
	ISSUER_STRUCTURE("issuer.structure"),
	/** Documents are what they claim: ids match where they were served, the badge names the issuer we fetched. */
	CONSISTENCY("consistency"),
	/** A hosted assertion's id lies in the issuer's verification scope (origin, allowedOrigins, startsWith). */
	HOSTED_SCOPE("hosted.scope"),
	/** RS256 only: {@code alg: none}, HMAC and every other algorithm are refused. */
	SIGNATURE_ALGORITHM("signature.algorithm"),
	/** The key is listed in the issuer profile's publicKey, is owned by that issuer, and is an RSA key. */
	SIGNATURE_KEY("signature.key"),
	SIGNATURE_VALID("signature.valid"),
	/** Hosted: not 410 Gone nor {@code revoked: true}; signed: not in the issuer's revocation list. */
	REVOCATION("revocation"),
	/** issuedOn is not in the future and expires, if any, is after issuedOn. */
	DATES("dates"),
	EXPIRY("expiry"),
	/** The recipient given matches the (hashed) identity. */
	RECIPIENT_MATCH("recipient.match"),
	/** A baked image is intact: chunk checksums, structure, nothing active in an SVG. */
	IMAGE_INTEGRITY("image.integrity"),

	// ---- Open Badges 3.0 (spec "OpenBadgeCredential Verification"); reported only for a 3.0 credential ----

	/** {@code @context} starts with the VC Data Model 2.0 context and includes an Open Badges 3.0 context. */
	OB3_CONTEXT("ob3.context", Generation.V3),
	/** The credential has the required properties and types: issuer, validFrom, subject with id or identifier. */
	OB3_STRUCTURE("ob3.structure", Generation.V3),
	/** The credential validates against 1EdTech's Open Badges 3.0 JSON schema (vendored; nothing is fetched). */
	OB3_SCHEMA("ob3.schema", Generation.V3),
	/** The VC-JWT: RS256, the key named by {@code kid}, the signature, and iss/jti/nbf/exp matching the credential. */
	OB3_PROOF_JWT("ob3.proof.jwt", Generation.V3),
	/** The embedded Data Integrity proof with the eddsa-rdfc-2022 cryptosuite. */
	OB3_PROOF_EDDSA("ob3.proof.eddsa-rdfc-2022", Generation.V3),
	/** The key that proved it is the issuer's: a Multikey the issuer controls, a JWK published on the issuer's origin. */
	OB3_KEY("ob3.key", Generation.V3),
	/** The credential is not in its issuer's 1EdTech revocation list. */
	OB3_STATUS("ob3.status", Generation.V3),
	/** Now lies between validFrom and validUntil. */
	OB3_VALIDITY("ob3.validity", Generation.V3),

	// ---- CLR 2.0 (a learner record, checked with the 3.0 checks above for its own envelope and proof) ----

	/** Every credential the learner record holds verifies on its own (each one's report is in the answer). */
	CLR_CREDENTIALS("clr.credentials", Generation.CLR),

	// ---- endorsements (2.0 Endorsement, 3.0 EndorsementCredential); reported for an endorsement only ----

	/** The endorsement has its required properties: what it endorses ({@code claim} / {@code credentialSubject} id), the endorser, the date. */
	ENDORSEMENT_STRUCTURE("endorsement.structure", Generation.ENDORSEMENT),
	/** A listed endorsement endorses what it is listed on (the assertion, badge class or issuer). */
	ENDORSEMENT_CLAIM("endorsement.claim", Generation.ENDORSEMENT);

	/** Which version's procedure a check belongs to; input checks and the recipient belong to both. */
	enum Generation {
		BOTH, V2, V3, CLR, ENDORSEMENT
	}

	private final String id;

	private final Generation generation;

	CheckId(String id) {
		this(id, null);
	}

	CheckId(String id, Generation generation) {
		this.id = id;
		this.generation = generation != null ? generation
				: switch (id) {
					case "input.detect", "input.extract", "jws.format", "document.json", "recipient.match",
							"image.integrity" -> Generation.BOTH;
					default -> Generation.V2;
				};
	}

	/** Whether a report of this version lists the check. */
	boolean reportedFor(boolean ob3, boolean clr) {
		return switch (generation) {
			case BOTH -> true;
			case V2 -> !ob3;
			case V3 -> ob3;
			case CLR -> clr;
			case ENDORSEMENT -> false;
		};
	}

	/** Whether a report of an endorsement of this version lists the check. */
	boolean reportedForEndorsement(boolean ob3) {
		return generation == Generation.ENDORSEMENT || reportedFor(ob3, false);
	}

	@JsonValue
	public String id() {
		return id;
	}

}
