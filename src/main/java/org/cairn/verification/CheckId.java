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
	IMAGE_INTEGRITY("image.integrity");

	private final String id;

	CheckId(String id) {
		this.id = id;
	}

	@JsonValue
	public String id() {
		return id;
	}

}
