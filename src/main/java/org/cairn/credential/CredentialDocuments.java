package org.cairn.credential;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import org.cairn.issuing.IssuedBadges;
import org.cairn.keys.EdKeys;
import org.cairn.keys.Keys;
import org.cairn.keys.SigningKey;
import org.cairn.openbadges.AcceptedEndorsements;
import org.cairn.openbadges.CredentialFiles;
import org.cairn.openbadges.HostedDocuments;
import org.cairn.openbadges.OpenBadgeCredential;
import org.cairn.problem.ProblemException;
import org.cairn.system.CairnProperties;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The public Open Badges 3.0 documents, for the endpoints and for in-process lookups by verification (so checking
 * one of our own credentials makes no network round trip to ourselves).
 */
@Component
class CredentialDocuments implements HostedDocuments, CredentialFiles {

	private final Credentials credentials;

	private final IssuedBadges badges;

	private final CredentialMapping mapping;

	private final CredentialUrls urls;

	private final Keys keys;

	private final EdKeys edKeys;

	private final CairnProperties properties;

	private final JsonMapper json;

	private final ObjectProvider<AcceptedEndorsements> endorsements;

	CredentialDocuments(Credentials credentials, IssuedBadges badges, CredentialMapping mapping, CredentialUrls urls,
			Keys keys, EdKeys edKeys, CairnProperties properties, JsonMapper json,
			ObjectProvider<AcceptedEndorsements> endorsements) {
		this.credentials = credentials;
		this.badges = badges;
		this.mapping = mapping;
		this.urls = urls;
		this.keys = keys;
		this.edKeys = edKeys;
		this.properties = properties;
		this.json = json;
		this.endorsements = endorsements;
	}

	/** The stored credential, issued on first request; 410 once the badge is revoked, 404 when there is none. */
	Mono<StoredCredential> credential(String assertionId) {
		return badges.find(assertionId)
			.switchIfEmpty(Mono.error(() -> ProblemException.notFound("Credential")))
			.flatMap(badge -> badge.revoked()
					? Mono.error(ProblemException.of(CredentialProblem.CREDENTIAL_REVOKED, "credential-revoked"))
					: credentials.forAssertion(assertionId))
			.switchIfEmpty(Mono.error(() -> ProblemException.notFound("Credential")));
	}

	/** The credential with its VC-JWT (signed on first request). */
	Mono<StoredCredential> withJwt(StoredCredential credential) {
		return credentials.withJwt(credential);
	}

	/** The issuer Profile with the EndorsementCredentials of the issuer its district accepted (read live). */
	Mono<OpenBadgeCredential.Profile> profile(String issuerId) {
		AcceptedEndorsements accepted = endorsements.getIfAvailable();
		return badges.issuer(issuerId)
			.switchIfEmpty(Mono.error(() -> ProblemException.notFound("Issuer")))
			.flatMap(issuer -> {
				String id = urls.profile(issuer.id());
				Mono<List<JsonNode>> endorsed = accepted == null ? Mono.just(List.of())
						: accepted.credentials(id).map(json::readTree).collectList();
				return endorsed.map(list -> mapping.profile(issuer.id(), issuer.profile()).withEndorsement(list)
					.standalone());
			});
	}

	/** The district's unrevoked RSA keys as a JWK set; each {@code kid} is the one its VC-JWTs carry. */
	Mono<Map<String, Object>> jwks(String issuerId) {
		return badges.issuer(issuerId)
			.switchIfEmpty(Mono.error(() -> ProblemException.notFound("Issuer")))
			.flatMap(issuer -> keys.all(issuer.districtId()).filter(k -> !k.revoked()).collectList())
			.publishOn(Schedulers.boundedElastic())
			.map(list -> {
				List<Map<String, Object>> set = new ArrayList<>();
				for (SigningKey key : list) {
					set.add(jwk(key, urls.kid(issuerId, key.id())));
				}
				return Map.of("keys", set);
			});
	}

	/** An Ed25519 key as a Multikey, controlled by its district's issuer Profile. */
	Mono<OpenBadgeCredential.Multikey> multikey(String id) {
		return edKeys.find(id)
			.switchIfEmpty(Mono.error(() -> ProblemException.notFound("Key")))
			.flatMap(key -> badges.issuerOfDistrict(key.districtId())
				.map(issuer -> OpenBadgeCredential.Multikey.of(urls.multikey(key.id()), urls.profile(issuer.id()),
						key.publicKeyMultibase(), key.revoked() ? key.revokedAt().toString() : null)));
	}

	/** The 1EdTech Revocation List of the issuer's credentials: every revoked assertion's credential id. */
	Mono<OpenBadgeCredential.RevocationList> revocations(String issuerId) {
		return badges.issuer(issuerId)
			.switchIfEmpty(Mono.error(() -> ProblemException.notFound("Issuer")))
			.flatMap(issuer -> badges.revoked(issuer.districtId())
				.map(r -> new OpenBadgeCredential.RevocationList.Revoked(urls.credential(r.assertionId()), true,
						r.reason()))
				.collectList())
			.map(list -> new OpenBadgeCredential.RevocationList(urls.revocations(issuerId), urls.profile(issuerId),
					list));
	}

	/** Only a credential already issued: a certificate never waits for a district's first key. */
	@Override
	public Mono<String> credentialJson(String assertionId) {
		return credentials.stored(assertionId).map(StoredCredential::json);
	}

	@Override
	public Mono<String> credentialJsonNow(String assertionId) {
		return credentials.forAssertion(assertionId).map(StoredCredential::json);
	}

	@Override
	public Mono<JsonNode> find(URI url) {
		String base = properties.publicUrl("");
		String text = url.toString();
		if (!text.startsWith(base + "/public/") || url.getRawQuery() != null || url.getRawFragment() != null) {
			return Mono.empty();
		}
		String[] parts = text.substring(base.length()).split("/");
		// ["", "public", kind, id, (more)]
		if (parts.length < 4 || parts.length > 5) {
			return Mono.empty();
		}
		String more = parts.length == 5 ? parts[4] : "";
		Mono<?> document = switch (parts[2] + "/" + more) {
			case "credentials/" -> credential(parts[3]).map(c -> json.readTree(c.json()));
			case "profiles/" -> profile(parts[3]);
			case "profiles/jwks" -> jwks(parts[3]);
			case "profiles/revocations" -> revocations(parts[3]);
			case "multikeys/" -> multikey(parts[3]);
			default -> Mono.empty();
		};
		return document.map(value -> value instanceof JsonNode node ? node : json.valueToTree(value))
			.onErrorResume(ProblemException.class, ex -> ex.type() == CredentialProblem.CREDENTIAL_REVOKED
					? Mono.just(json.readTree("{\"id\":\"" + text + "\",\"revoked\":true}")) : Mono.empty());
	}

	private static Map<String, Object> jwk(SigningKey key, String kid) {
		return new LinkedHashMap<>(new RSAKey.Builder(key.rsaPublicKey()).keyID(kid)
			.keyUse(KeyUse.SIGNATURE)
			.algorithm(JWSAlgorithm.RS256)
			.build()
			.toPublicJWK()
			.toJSONObject());
	}

}
