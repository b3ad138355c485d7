package org.cairn.verification;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import org.cairn.openbadges.LinkedData;
import org.cairn.openbadges.Multibase;
import org.cairn.openbadges.OpenBadgeCredential;
import org.cairn.outbound.FetchFailure;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Open Badges 3.0 verification (spec "OpenBadgeCredential Verification"): the context and structure, each proof
 * given (the VC-JWT, RS256 with the JWK its {@code kid} names; the embedded {@code eddsa-rdfc-2022} Data Integrity
 * proof, with the Multikey its {@code verificationMethod} names), that each key is the issuer's, the 1EdTech
 * revocation list, the validity period and the recipient. Never the signing code: keys come from what the issuer
 * publishes, canonicalization is RDFC-1.0 over the vendored contexts only, signatures are checked by nimbus and the
 * JDK.
 */
final class Ob3Probe {

	private static final String ED25519_SPKI_PREFIX = "302a300506032b6570032100";

	private final Retrieval retrieval;

	private final JsonMapper json;

	Ob3Probe(Retrieval retrieval, JsonMapper json) {
		this.retrieval = retrieval;
		this.json = json;
	}

	/** Whether a document is a VC Data Model credential of Open Badges 3.0 rather than a 2.0 document. */
	static boolean isCredential(JsonNode node) {
		List<String> types = Nodes.types(node);
		return types.contains("VerifiableCredential") || types.contains(OpenBadgeCredential.TYPE)
				|| types.contains("AchievementCredential");
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
		context(credential, run);
		run.current = CheckId.OB3_STRUCTURE;
		structure(credential, run);
		String issuerId = issuer == null ? null : Nodes.iri(issuer);
		boolean jwt = run.jws != null;
		run.verificationType = jwt ? "vc-jwt" : "data-integrity";
		Mono<Void> proofs = (jwt ? jwtProof(credential, issuerId, run)
				: Mono.<Void>fromRunnable(() -> run.skip(CheckId.OB3_PROOF_JWT, "Given as JSON, not as a VC-JWT.")))
			.then(Mono.defer(() -> embeddedProof(credential, issuerId, run, jwt)));
		return proofs.then(Mono.defer(() -> status(credential, run))).then(Mono.fromRunnable(() -> {
			run.current = CheckId.OB3_VALIDITY;
			validity(credential, now, run);
			run.current = CheckId.RECIPIENT_MATCH;
			recipient(subject, run);
		}));
	}

	/** Whether a document is an Open Badges 3.0 EndorsementCredential. */
	static boolean isEndorsementCredential(JsonNode node) {
		return Nodes.types(node).contains("EndorsementCredential");
	}

	/**
	 * An EndorsementCredential (spec "EndorsementCredential"): the same context, proofs, key ownership, status and
	 * validity as a badge credential, and an {@code EndorsementSubject} naming what it endorses.
	 */
	Mono<Void> verifyEndorsement(JsonNode credential, Run run, Instant now) {
		run.ob3 = true;
		run.endorsement = true;
		run.kind = "EndorsementCredential";
		run.assertion = credential;
		JsonNode issuer = credential.get("issuer");
		run.issuer = issuer != null && issuer.isObject() ? issuer : null;
		run.current = CheckId.OB3_CONTEXT;
		context(credential, run);
		run.current = CheckId.ENDORSEMENT_STRUCTURE;
		endorsementStructure(credential, run);
		String issuerId = issuer == null ? null : Nodes.iri(issuer);
		boolean jwt = run.jws != null;
		run.verificationType = jwt ? "vc-jwt" : "data-integrity";
		Mono<Void> proofs = (jwt ? jwtProof(credential, issuerId, run)
				: Mono.<Void>fromRunnable(() -> run.skip(CheckId.OB3_PROOF_JWT, "Given as JSON, not as a VC-JWT.")))
			.then(Mono.defer(() -> embeddedProof(credential, issuerId, run, jwt)));
		return proofs.then(Mono.defer(() -> status(credential, run))).then(Mono.fromRunnable(() -> {
			run.current = CheckId.OB3_VALIDITY;
			validity(credential, now, run);
			run.skip(CheckId.RECIPIENT_MATCH, "An endorsement has no recipient.");
		}));
	}

	private static void endorsementStructure(JsonNode c, Run run) {
		List<String> types = Nodes.types(c);
		List<String> missing = new java.util.ArrayList<>();
		if (!types.contains("VerifiableCredential") || !types.contains("EndorsementCredential")) {
			missing.add("type VerifiableCredential and EndorsementCredential");
		}
		String id = Nodes.text(c, "id");
		if (id == null || !Nodes.isIri(id)) {
			missing.add("id");
		}
		if (Nodes.text(c, "name") == null) {
			missing.add("name");
		}
		JsonNode issuer = c.get("issuer");
		if (issuer == null || Nodes.iri(issuer) == null) {
			missing.add("issuer with an id");
		}
		else if (issuer.isObject() && !Nodes.types(issuer).contains("Profile")) {
			missing.add("issuer of type Profile");
		}
		if (Nodes.dateTime(Nodes.text(c, "validFrom")) == null) {
			missing.add("validFrom as a date-time");
		}
		JsonNode subject = c.get("credentialSubject");
		if (subject == null || !subject.isObject() || Nodes.text(subject, "id") == null) {
			missing.add("credentialSubject with the id of what is endorsed");
		}
		else if (!Nodes.types(subject).contains("EndorsementSubject")) {
			missing.add("credentialSubject of type EndorsementSubject");
		}
		if (missing.isEmpty()) {
			run.pass(CheckId.ENDORSEMENT_STRUCTURE, "Every required property is present.");
		}
		else {
			run.fail(CheckId.ENDORSEMENT_STRUCTURE, "Missing or wrong: " + String.join(", ", missing) + ".");
		}
	}

	private static void context(JsonNode credential, Run run) {
		JsonNode context = credential.get("@context");
		List<String> urls = context == null ? List.of()
				: (context.isArray() ? context.values() : List.of(context)).stream()
					.filter(JsonNode::isString)
					.map(JsonNode::asString)
					.toList();
		if (urls.isEmpty() || !LinkedData.VC_V2.equals(urls.get(0))) {
			run.fail(CheckId.OB3_CONTEXT, "The first @context must be " + LinkedData.VC_V2
					+ " (VC Data Model 2.0); Cairn verifies Open Badges 3.0 credentials of that model.");
			return;
		}
		if (urls.stream().noneMatch(u -> u.startsWith("https://purl.imsglobal.org/spec/ob/v3p0/context"))) {
			run.fail(CheckId.OB3_CONTEXT, "No Open Badges 3.0 context (https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json).");
			return;
		}
		run.pass(CheckId.OB3_CONTEXT, "VC Data Model 2.0 and Open Badges 3.0 contexts.");
	}

	private static void structure(JsonNode c, Run run) {
		List<String> types = Nodes.types(c);
		List<String> missing = new java.util.ArrayList<>();
		if (!types.contains("VerifiableCredential")
				|| !(types.contains(OpenBadgeCredential.TYPE) || types.contains("AchievementCredential"))) {
			missing.add("type VerifiableCredential and OpenBadgeCredential");
		}
		if (!Nodes.isIri(Nodes.text(c, "id") == null ? "" : Nodes.text(c, "id"))) {
			missing.add("id");
		}
		JsonNode issuer = c.get("issuer");
		if (issuer == null || Nodes.iri(issuer) == null) {
			missing.add("issuer with an id");
		}
		else if (issuer.isObject() && !Nodes.types(issuer).contains("Profile")) {
			missing.add("issuer of type Profile");
		}
		if (Nodes.dateTime(Nodes.text(c, "validFrom")) == null) {
			missing.add("validFrom as a date-time");
		}
		JsonNode subject = c.get("credentialSubject");
		if (subject == null || !subject.isObject()) {
			missing.add("credentialSubject");
		}
		else {
			if (subject.get("id") == null && subject.get("identifier") == null) {
				missing.add("credentialSubject id or identifier");
			}
			JsonNode a = subject.get("achievement");
			if (a == null || !a.isObject()) {
				missing.add("credentialSubject.achievement");
			}
			else {
				for (String field : List.of("id", "name", "description", "criteria")) {
					if (a.get(field) == null) {
						missing.add("achievement." + field);
					}
				}
				if (!Nodes.types(a).contains("Achievement")) {
					missing.add("achievement of type Achievement");
				}
			}
		}
		if (missing.isEmpty()) {
			run.pass(CheckId.OB3_STRUCTURE, "Every required property is present.");
		}
		else {
			run.fail(CheckId.OB3_STRUCTURE, "Missing or wrong: " + String.join(", ", missing) + ".");
		}
	}

	// ---- VC-JWT ------------------------------------------------------------------------------------------------

	private Mono<Void> jwtProof(JsonNode credential, String issuerId, Run run) {
		run.current = CheckId.OB3_PROOF_JWT;
		String alg = Nodes.text(run.jwsHeader, "alg");
		if (!"RS256".equals(alg)) {
			run.fail(CheckId.OB3_PROOF_JWT, "Only RS256 is accepted, not " + alg + ".");
			return Mono.empty();
		}
		String kid = Nodes.text(run.jwsHeader, "kid");
		if (kid == null || !Nodes.isHttp(kid) || Nodes.uri(kid) == null) {
			run.fail(CheckId.OB3_PROOF_JWT, "The JWT names no https key (kid); an embedded jwk is not trusted.");
			return Mono.empty();
		}
		URI document = URI.create(kid.contains("#") ? kid.substring(0, kid.indexOf('#')) : kid);
		if (!sameOrigin(document.toString(), issuerId)) {
			run.fail(CheckId.OB3_KEY, "The JWT key " + Verifier.abbreviate(kid) + " is not published on the issuer's site ("
					+ Verifier.abbreviate(String.valueOf(issuerId)) + ").");
			return Mono.empty();
		}
		return retrieval.fetch(document, run).flatMap(fetched -> {
			RSAKey key = rsaKey(fetched.body(), kid);
			if (key == null) {
				run.fail(CheckId.OB3_KEY, "The key set at " + Verifier.abbreviate(document.toString())
						+ " does not list an RSA key named " + Verifier.abbreviate(kid) + ".");
				return Mono.<Void>empty();
			}
			run.pass(CheckId.OB3_KEY, "The JWT key is published in the issuer's key set.");
			return Mono.fromRunnable(() -> checkJwt(credential, key, issuerId, run))
				.subscribeOn(Schedulers.boundedElastic())
				.then();
		}).onErrorResume(FetchFailure.class, failure -> {
			run.fail(CheckId.OB3_KEY, "The JWT key could not be retrieved: " + failure.getMessage());
			return Mono.empty();
		});
	}

	private static RSAKey rsaKey(JsonNode document, String kid) {
		if (document == null) {
			return null;
		}
		List<JsonNode> candidates = document.has("keys") && document.get("keys").isArray()
				? document.get("keys").values().stream().toList() : List.of(document);
		for (JsonNode candidate : candidates) {
			try {
				JWK jwk = JWK.parse(candidate.toString());
				boolean named = kid.equals(jwk.getKeyID()) || candidates.size() == 1 && jwk.getKeyID() == null;
				if (named && jwk instanceof RSAKey rsa && !rsa.isPrivate()) {
					return rsa;
				}
			}
			catch (java.text.ParseException ex) {
				// not a JWK: look at the next one
			}
		}
		return null;
	}

	private void checkJwt(JsonNode credential, RSAKey key, String issuerId, Run run) {
		try {
			JWSObject jws = JWSObject.parse(String.join(".", run.jws));
			if (!JWSAlgorithm.RS256.equals(jws.getHeader().getAlgorithm()) || key.size() < 2048
					|| !jws.verify(new RSASSAVerifier(key.toRSAPublicKey()))) {
				run.fail(CheckId.OB3_PROOF_JWT, "The VC-JWT signature does not verify with the issuer's key.");
				return;
			}
		}
		catch (java.text.ParseException | com.nimbusds.jose.JOSEException ex) {
			run.fail(CheckId.OB3_PROOF_JWT, "The VC-JWT could not be checked: " + ex.getMessage());
			return;
		}
		List<String> wrong = new java.util.ArrayList<>();
		if (!String.valueOf(issuerId).equals(Nodes.text(credential, "iss"))) {
			wrong.add("iss is not the issuer's id");
		}
		if (!String.valueOf(Nodes.text(credential, "id")).equals(Nodes.text(credential, "jti"))) {
			wrong.add("jti is not the credential's id");
		}
		Instant validFrom = Nodes.dateTime(Nodes.text(credential, "validFrom"));
		JsonNode nbf = credential.get("nbf");
		if (validFrom == null || nbf == null || !nbf.isNumber() || nbf.asLong() != validFrom.getEpochSecond()) {
			wrong.add("nbf is not validFrom");
		}
		JsonNode exp = credential.get("exp");
		Instant validUntil = Nodes.dateTime(Nodes.text(credential, "validUntil"));
		if (exp != null && (validUntil == null || !exp.isNumber() || exp.asLong() != validUntil.getEpochSecond())) {
			wrong.add("exp is not validUntil");
		}
		if (wrong.isEmpty()) {
			run.pass(CheckId.OB3_PROOF_JWT, "The VC-JWT (RS256) verifies and its claims match the credential.");
		}
		else {
			run.fail(CheckId.OB3_PROOF_JWT, "The VC-JWT verifies but " + String.join(", ", wrong) + ".");
		}
	}

	// ---- Data Integrity (eddsa-rdfc-2022) ----------------------------------------------------------------------

	private Mono<Void> embeddedProof(JsonNode credential, String issuerId, Run run, boolean jwt) {
		run.current = CheckId.OB3_PROOF_EDDSA;
		JsonNode proofs = credential.get("proof");
		JsonNode proof = proofs == null ? null : proofs.isArray() ? proofs.values().stream()
			.filter(p -> OpenBadgeCredential.DataIntegrityProof.EDDSA_RDFC_2022.equals(Nodes.text(p, "cryptosuite")))
			.findFirst()
			.orElse(null) : proofs;
		if (proof == null) {
			if (jwt) {
				run.skip(CheckId.OB3_PROOF_EDDSA, "No embedded proof: the VC-JWT is the proof.");
			}
			else {
				run.fail(CheckId.OB3_PROOF_EDDSA, "The credential carries no proof this verifier accepts"
						+ " (an embedded eddsa-rdfc-2022 proof or a VC-JWT).");
			}
			return Mono.empty();
		}
		if (!"DataIntegrityProof".equals(Nodes.text(proof, "type"))
				|| !OpenBadgeCredential.DataIntegrityProof.EDDSA_RDFC_2022.equals(Nodes.text(proof, "cryptosuite"))) {
			run.fail(CheckId.OB3_PROOF_EDDSA, "Only DataIntegrityProof with the eddsa-rdfc-2022 cryptosuite is accepted.");
			return Mono.empty();
		}
		if (!"assertionMethod".equals(Nodes.text(proof, "proofPurpose"))) {
			run.fail(CheckId.OB3_PROOF_EDDSA, "The proof's purpose is not assertionMethod.");
			return Mono.empty();
		}
		String method = Nodes.text(proof, "verificationMethod");
		if (method == null || !Nodes.isHttp(method) || Nodes.uri(method) == null) {
			run.fail(CheckId.OB3_KEY, "The proof's verificationMethod is not an https URL (did: methods are not resolved here).");
			return Mono.empty();
		}
		if (!sameOrigin(method, issuerId)) {
			// a key document anyone can host may claim any controller: only the issuer's own site speaks for it
			run.fail(CheckId.OB3_KEY, "The proof's key " + Verifier.abbreviate(method)
					+ " is not published on the issuer's site (" + Verifier.abbreviate(String.valueOf(issuerId)) + ").");
			return Mono.empty();
		}
		return retrieval.fetch(URI.create(method.contains("#") ? method.substring(0, method.indexOf('#')) : method), run)
			.flatMap(fetched -> {
				JsonNode key = fetched.body();
				if (key == null || !"Multikey".equals(Nodes.text(key, "type"))
						|| Nodes.text(key, "publicKeyMultibase") == null) {
					run.fail(CheckId.OB3_KEY, "The verificationMethod is not a Multikey with a publicKeyMultibase.");
					return Mono.<Void>empty();
				}
				if (issuerId == null || !issuerId.equals(Nodes.text(key, "controller"))) {
					run.fail(CheckId.OB3_KEY, "The key is controlled by " + Nodes.text(key, "controller")
							+ ", not by the issuer " + issuerId + ".");
					return Mono.<Void>empty();
				}
				if (key.get("revoked") != null) {
					run.fail(CheckId.OB3_KEY, "The issuer revoked this key on " + Nodes.text(key, "revoked") + ".");
					return Mono.<Void>empty();
				}
				run.pass(CheckId.OB3_KEY, "The Multikey is controlled by the issuer.");
				return Mono.fromRunnable(() -> checkEddsa(credential, proof, key, run))
					.subscribeOn(Schedulers.boundedElastic())
					.then();
			})
			.onErrorResume(FetchFailure.class, failure -> {
				run.fail(CheckId.OB3_KEY, "The proof's key could not be retrieved: " + failure.getMessage());
				return Mono.empty();
			});
	}

	/** vc-di-eddsa "Verify Proof (eddsa-rdfc-2022)". */
	private void checkEddsa(JsonNode credential, JsonNode proof, JsonNode key, Run run) {
		try {
			ObjectNode unsecured = (ObjectNode) credential.deepCopy();
			unsecured.remove("proof");
			if (run.jws != null) {
				// a JWT payload: the embedded proof was made before the JWT claims were added (spec "Proofs")
				for (String claim : List.of("iss", "jti", "nbf", "exp", "sub", "iat")) {
					unsecured.remove(claim);
				}
			}
			ObjectNode options = (ObjectNode) proof.deepCopy();
			String proofValue = Nodes.text(options, "proofValue");
			options.remove("proofValue");
			options.set("@context", credential.get("@context"));
			byte[] config = sha256(LinkedData.canonicalNQuads(json.writeValueAsString(options)));
			byte[] document = sha256(LinkedData.canonicalNQuads(json.writeValueAsString(unsecured)));
			byte[] data = new byte[config.length + document.length];
			System.arraycopy(config, 0, data, 0, config.length);
			System.arraycopy(document, 0, data, config.length, document.length);
			byte[] raw = Multibase.ed25519RawKey(Nodes.text(key, "publicKeyMultibase"));
			Signature ed = Signature.getInstance("Ed25519");
			ed.initVerify(ed25519(raw));
			ed.update(data);
			if (proofValue != null && ed.verify(Multibase.decode(proofValue))) {
				run.pass(CheckId.OB3_PROOF_EDDSA, "The eddsa-rdfc-2022 proof verifies.");
			}
			else {
				run.fail(CheckId.OB3_PROOF_EDDSA, "The eddsa-rdfc-2022 proof does not verify: the credential was"
						+ " changed after it was signed, or another key signed it.");
			}
		}
		catch (IllegalArgumentException ex) {
			run.fail(CheckId.OB3_PROOF_EDDSA, "The proof could not be checked: " + ex.getMessage());
		}
		catch (java.security.GeneralSecurityException ex) {
			run.fail(CheckId.OB3_PROOF_EDDSA, "The proof's signature is malformed.");
		}
	}

	private static PublicKey ed25519(byte[] raw) throws java.security.GeneralSecurityException {
		byte[] prefix = HexFormat.of().parseHex(ED25519_SPKI_PREFIX);
		byte[] spki = new byte[prefix.length + raw.length];
		System.arraycopy(prefix, 0, spki, 0, prefix.length);
		System.arraycopy(raw, 0, spki, prefix.length, raw.length);
		return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
	}

	// ---- status, dates, recipient ------------------------------------------------------------------------------

	private Mono<Void> status(JsonNode credential, Run run) {
		run.current = CheckId.OB3_STATUS;
		JsonNode status = credential.get("credentialStatus");
		if (status == null) {
			run.warn(CheckId.OB3_STATUS, "The credential names no status list: its issuer cannot revoke it.");
			return Mono.empty();
		}
		if (!OpenBadgeCredential.REVOCATION_LIST.equals(Nodes.text(status, "type"))) {
			run.warn(CheckId.OB3_STATUS, "Status method " + Nodes.text(status, "type") + " is not checked here.");
			return Mono.empty();
		}
		String list = Nodes.text(status, "id");
		if (list == null || !Nodes.isHttp(list) || Nodes.uri(list) == null) {
			run.fail(CheckId.OB3_STATUS, "The revocation list is not named by an https URL.");
			return Mono.empty();
		}
		String id = Nodes.text(credential, "id");
		return retrieval.fetch(URI.create(list), run).doOnNext(fetched -> {
			JsonNode revoked = fetched.body() == null ? null : fetched.body().get("revokedCredential");
			if (revoked != null && revoked.isArray()) {
				for (JsonNode entry : revoked.values()) {
					JsonNode flag = entry.get("revoked");
					if (id != null && id.equals(Nodes.text(entry, "id")) && (flag == null || flag.asBoolean(true))) {
						run.revoked = true;
						run.revocationReason = Nodes.text(entry, "revocationReason");
						run.fail(CheckId.OB3_STATUS, "Revoked" + (run.revocationReason == null ? "."
								: ": " + run.revocationReason));
						return;
					}
				}
			}
			run.pass(CheckId.OB3_STATUS, "Not in the issuer's revocation list.");
		}).then().onErrorResume(FetchFailure.class, failure -> {
			run.fail(CheckId.OB3_STATUS, "The revocation list could not be retrieved: " + failure.getMessage());
			return Mono.empty();
		});
	}

	private static void validity(JsonNode credential, Instant now, Run run) {
		Instant from = Nodes.dateTime(Nodes.text(credential, "validFrom"));
		Instant until = Nodes.dateTime(Nodes.text(credential, "validUntil"));
		if (from != null && from.isAfter(now)) {
			run.fail(CheckId.OB3_VALIDITY, "Not valid before " + from + ".");
		}
		else if (until != null && !until.isAfter(now)) {
			run.fail(CheckId.OB3_VALIDITY, "Expired on " + until + ".");
		}
		else if (from == null) {
			run.fail(CheckId.OB3_VALIDITY, "No validFrom.");
		}
		else {
			run.pass(CheckId.OB3_VALIDITY, until == null ? "Valid from " + from + ", no end." : "Valid until " + until + ".");
		}
	}

	/** spec "Verify the Recipient Using an Identifier": emailAddress identifiers, hashed or not. */
	private static void recipient(JsonNode subject, Run run) {
		if (run.recipient == null) {
			run.skip(CheckId.RECIPIENT_MATCH, "No recipient was given to compare.");
			return;
		}
		JsonNode identifiers = subject == null ? null : subject.get("identifier");
		String known = run.recipient.toLowerCase(Locale.ROOT);
		for (JsonNode identifier : identifiers == null ? List.<JsonNode>of()
				: identifiers.isArray() ? identifiers.values().stream().toList() : List.of(identifiers)) {
			if (!"emailAddress".equals(Nodes.text(identifier, "identityType"))) {
				continue;
			}
			String hash = Nodes.text(identifier, "identityHash");
			boolean hashed = identifier.get("hashed") != null && identifier.get("hashed").asBoolean();
			String salt = Nodes.text(identifier, "salt");
			String expected = hashed ? "sha256$" + HexFormat.of().formatHex(sha256(known + (salt == null ? "" : salt)))
					: known;
			if (hash != null && hash.toLowerCase(Locale.ROOT).equals(expected)) {
				run.recipientMatched = true;
				run.pass(CheckId.RECIPIENT_MATCH, "The recipient's email matches the credential's identifier.");
				return;
			}
		}
		run.recipientMatched = false;
		run.fail(CheckId.RECIPIENT_MATCH, "No identifier of the credential matches " + run.recipient + ".");
	}

	private static boolean sameOrigin(String url, String other) {
		URI a = Nodes.uri(url);
		URI b = other == null ? null : Nodes.uri(other);
		return a != null && b != null && a.getScheme() != null && a.getScheme().equalsIgnoreCase(b.getScheme())
				&& a.getHost() != null && a.getHost().equalsIgnoreCase(b.getHost()) && a.getPort() == b.getPort();
	}

	private static byte[] sha256(String text) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
