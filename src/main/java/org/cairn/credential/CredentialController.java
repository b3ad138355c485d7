package org.cairn.credential;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import org.cairn.issuing.IssuedBadges;
import org.cairn.keys.EdKeys;
import org.cairn.keys.Keys;
import org.cairn.keys.SigningKey;
import org.cairn.openbadges.OpenBadgeCredential;
import org.cairn.problem.ProblemException;
import org.cairn.system.EntityTag;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public Open Badges 3.0 documents (no sign-in, like the 2.0 ones): the credential as JSON-LD with its embedded
 * proof, or as a VC-JWT; the issuer Profile; the district's JWK set (VC-JWT keys); its Multikeys (Data Integrity
 * keys); and its 1EdTech revocation list. A revoked badge's credential is no longer served (410), and its id is in
 * the revocation list so a copy a holder kept fails verification.
 */
@RestController
class CredentialController {

	static final MediaType LD_JSON = MediaType.parseMediaType("application/ld+json");

	static final MediaType VC = MediaType.parseMediaType("application/vc");

	static final MediaType VC_JWT = MediaType.parseMediaType("application/vc+jwt");

	private static final CacheControl SHORT = CacheControl.maxAge(Duration.ofMinutes(1)).cachePublic();

	private final Credentials credentials;

	private final IssuedBadges badges;

	private final CredentialMapping mapping;

	private final CredentialUrls urls;

	private final Keys keys;

	private final EdKeys edKeys;

	private final JsonMapper json;

	CredentialController(Credentials credentials, IssuedBadges badges, CredentialMapping mapping, CredentialUrls urls,
			Keys keys, EdKeys edKeys, JsonMapper json) {
		this.credentials = credentials;
		this.badges = badges;
		this.mapping = mapping;
		this.urls = urls;
		this.keys = keys;
		this.edKeys = edKeys;
		this.json = json;
	}

	/** The credential; {@code ?download=true} saves it as a file for a wallet. */
	@GetMapping("/public/credentials/{id}")
	Mono<ResponseEntity<byte[]>> credential(@PathVariable String id,
			@RequestParam(defaultValue = "false") boolean download, @RequestHeader HttpHeaders headers) {
		return current(id).map(c -> {
			byte[] body = c.json().getBytes(StandardCharsets.UTF_8);
			MediaType type = accepts(headers, VC) ? VC : onlyJson(headers) ? MediaType.APPLICATION_JSON : LD_JSON;
			return respond(headers, body, type, download ? "open-badge-3-" + id + ".json" : null);
		});
	}

	@GetMapping("/public/credentials/{id}/jwt")
	Mono<ResponseEntity<byte[]>> jwt(@PathVariable String id, @RequestParam(defaultValue = "false") boolean download,
			@RequestHeader HttpHeaders headers) {
		return current(id).map(c -> respond(headers, c.jwt().getBytes(StandardCharsets.US_ASCII), VC_JWT,
				download ? "open-badge-3-" + id + ".jwt" : null));
	}

	@GetMapping("/public/profiles/{issuerId}")
	Mono<ResponseEntity<byte[]>> profile(@PathVariable String issuerId, @RequestHeader HttpHeaders headers) {
		return badges.issuer(issuerId)
			.switchIfEmpty(Mono.error(() -> ProblemException.notFound("Issuer")))
			.map(issuer -> respond(headers, write(mapping.profile(issuer.id(), issuer.profile()).standalone()),
					onlyJson(headers) ? MediaType.APPLICATION_JSON : LD_JSON, null));
	}

	/** The district's unrevoked RSA keys as a JWK set; each {@code kid} is the one its VC-JWTs carry. */
	@GetMapping("/public/profiles/{issuerId}/jwks")
	Mono<ResponseEntity<byte[]>> jwks(@PathVariable String issuerId, @RequestHeader HttpHeaders headers) {
		return badges.issuer(issuerId)
			.switchIfEmpty(Mono.error(() -> ProblemException.notFound("Issuer")))
			.flatMap(issuer -> keys.all(issuer.districtId())
				.filter(k -> !k.revoked())
				.collectList()
				.publishOn(Schedulers.boundedElastic())
				.map(list -> {
					List<Map<String, Object>> jwks = new ArrayList<>();
					for (SigningKey key : list) {
						jwks.add(jwk(key, urls.kid(issuerId, key.id())));
					}
					return respond(headers, write(Map.of("keys", jwks)), MediaType.parseMediaType("application/jwk-set+json"),
							null);
				}));
	}

	/** An Ed25519 key as a Multikey, controlled by its district's issuer Profile. */
	@GetMapping("/public/multikeys/{id}")
	Mono<ResponseEntity<byte[]>> multikey(@PathVariable String id, @RequestHeader HttpHeaders headers) {
		return edKeys.find(id)
			.switchIfEmpty(Mono.error(() -> ProblemException.notFound("Key")))
			.flatMap(key -> badges.issuerOfDistrict(key.districtId())
				.map(issuer -> respond(headers,
						write(OpenBadgeCredential.Multikey.of(urls.multikey(key.id()), urls.profile(issuer.id()),
								key.publicKeyMultibase(), key.revoked() ? key.revokedAt().toString() : null)),
						onlyJson(headers) ? MediaType.APPLICATION_JSON : LD_JSON, null)));
	}

	/** The 1EdTech Revocation List of the issuer's credentials: every revoked assertion's credential id. */
	@GetMapping("/public/profiles/{issuerId}/revocations")
	Mono<ResponseEntity<byte[]>> revocations(@PathVariable String issuerId, @RequestHeader HttpHeaders headers) {
		return badges.issuer(issuerId)
			.switchIfEmpty(Mono.error(() -> ProblemException.notFound("Issuer")))
			.flatMap(issuer -> badges.revoked(issuer.districtId())
				.map(r -> new OpenBadgeCredential.RevocationList.Revoked(urls.credential(r.assertionId()), true,
						r.reason()))
				.collectList()
				.map(list -> respond(headers,
						write(new OpenBadgeCredential.RevocationList(urls.revocations(issuerId),
								urls.profile(issuerId), list)),
						MediaType.APPLICATION_JSON, null)));
	}

	/** The stored credential, issued on first request; 410 once the badge is revoked, 404 when there is none. */
	private Mono<StoredCredential> current(String assertionId) {
		return badges.find(assertionId)
			.switchIfEmpty(Mono.error(() -> ProblemException.notFound("Credential")))
			.flatMap(badge -> badge.revoked()
					? Mono.error(new ProblemException(HttpStatus.GONE, "credential-revoked", "Revoked",
							"This badge was revoked; its credential no longer verifies."))
					: credentials.forAssertion(assertionId))
			.switchIfEmpty(Mono.error(() -> ProblemException.notFound("Credential")));
	}

	private static Map<String, Object> jwk(SigningKey key, String kid) {
		try {
			RSAKey rsa = JWK.parseFromPEMEncodedObjects(key.publicKeyPem()).toRSAKey();
			Map<String, Object> jwk = new LinkedHashMap<>(new RSAKey.Builder(rsa).keyID(kid)
				.keyUse(KeyUse.SIGNATURE)
				.algorithm(JWSAlgorithm.RS256)
				.build()
				.toPublicJWK()
				.toJSONObject());
			return jwk;
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private ResponseEntity<byte[]> respond(HttpHeaders request, byte[] body, MediaType type, String attachment) {
		EntityTag tag = EntityTag.of(body).variant(type.getSubtype().replaceAll("[^a-z]", ""));
		boolean unchanged = tag.matchedBy(request);
		ResponseEntity.BodyBuilder answer = unchanged ? ResponseEntity.status(HttpStatus.NOT_MODIFIED)
				: ResponseEntity.ok().contentType(type);
		answer.eTag(tag.header())
			.cacheControl(SHORT)
			.header(HttpHeaders.VARY, HttpHeaders.ACCEPT)
			.header("Access-Control-Allow-Origin", "*");
		if (attachment != null) {
			answer.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + attachment + "\"");
		}
		return unchanged ? answer.build() : answer.body(body);
	}

	private byte[] write(Object value) {
		return json.writeValueAsBytes(value);
	}

	private static boolean accepts(HttpHeaders headers, MediaType type) {
		return headers.getAccept().stream().anyMatch(t -> t.equalsTypeAndSubtype(type));
	}

	private static boolean onlyJson(HttpHeaders headers) {
		List<MediaType> accept = headers.getAccept();
		return !accept.isEmpty() && accept.stream().allMatch(t -> t.equalsTypeAndSubtype(MediaType.APPLICATION_JSON));
	}

}
