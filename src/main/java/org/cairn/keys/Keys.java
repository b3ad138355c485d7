package org.cairn.keys;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.RSASSASigner;
import org.cairn.openbadges.OpaqueIds;
import org.cairn.problem.ProblemException;
import org.cairn.system.CairnProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * District signing keys: the newest unrevoked generation signs; every generation stays published. A key is created
 * on first need (never at start, never again once one exists); private keys are opened once and kept in memory.
 */
@Service
public class Keys {

	private static final Logger log = LoggerFactory.getLogger(Keys.class);

	private static final int RSA_BITS = 3072;

	private final ReactiveMongoTemplate mongo;

	private final MasterKey master;

	private final CairnProperties properties;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	private final Map<String, PrivateKey> opened = new ConcurrentHashMap<>();

	Keys(ReactiveMongoTemplate mongo, MasterKey master, CairnProperties properties, Clock clock,
			ApplicationEventPublisher events) {
		this.mongo = mongo;
		this.master = master;
		this.properties = properties;
		this.clock = clock;
		this.events = events;
	}

	/** The public URL of a key's CryptographicKey document; also the JWS {@code kid}. */
	public String keyUrl(String keyId) {
		return properties.publicUrl("/public/keys/" + keyId);
	}

	/** The key that signs the district's next badge, created if the district has none usable. */
	public Mono<SigningKey> active(String districtId) {
		return newest(districtId).filter(k -> k.revokedAt() == null)
			.switchIfEmpty(Mono.defer(() -> newest(districtId).map(StoredKey::generation)
				.defaultIfEmpty(0)
				.flatMap(g -> create(districtId, g + 1))))
			.map(StoredKey::toPublic);
	}

	public Flux<SigningKey> all(String districtId) {
		return mongo.find(Query.query(Criteria.where("districtId").is(districtId)).with(Sort.by("generation")),
				StoredKey.class).map(StoredKey::toPublic);
	}

	public Mono<SigningKey> find(String keyId) {
		return mongo.findById(keyId, StoredKey.class).map(StoredKey::toPublic);
	}

	/**
	 * Signs the payload as a compact JWS (RS256) with header {@code kid} = the key URL. Refuses a revoked key, so a
	 * revocation racing an issue never yields a badge signed with a compromised key.
	 */
	public Mono<String> sign(String keyId, byte[] payload) {
		return signer(keyId).flatMap(signer -> Mono.fromCallable(() -> signer.sign(payload))
			.subscribeOn(Schedulers.boundedElastic()));
	}

	/**
	 * Signs many payloads with one key read: a bulk run signs a chunk on several threads without reading the key
	 * per badge. The caller checks {@link #usable(String)} again before storing what it signed, so a revocation
	 * during the run never yields stored badges signed with the revoked key.
	 */
	public Mono<Signer> signer(String keyId) {
		return usableKey(keyId).map(key -> payload -> {
			try {
				return signNow(key, payload);
			}
			catch (JOSEException ex) {
				throw new IllegalStateException(ex);
			}
		});
	}

	/** Completes when the key exists and is not revoked; fails with 409 {@code key-revoked} otherwise. */
	public Mono<Void> usable(String keyId) {
		return usableKey(keyId).then();
	}

	private Mono<StoredKey> usableKey(String keyId) {
		return mongo.findById(keyId, StoredKey.class)
			.switchIfEmpty(Mono.error(() -> new IllegalStateException("no key " + keyId)))
			.flatMap(key -> key.revokedAt() != null
					? Mono.error(ProblemException.of(KeysProblem.KEY_REVOKED, "key-revoked"))
					: Mono.just(key));
	}

	/** Signs a payload as a compact JWS: CPU work, to be called off the event loop. */
	@FunctionalInterface
	public interface Signer {

		String sign(byte[] payload);

	}

	/**
	 * Signs a JWT claims set (an Open Badges 3.0 VC-JWT) as a compact JWS, RS256, header {@code typ: JWT} and the
	 * given {@code kid} (where the key is published as a JWK). Refuses a revoked key like {@link #sign}.
	 */
	public Mono<String> signJwt(String keyId, String kid, byte[] claims) {
		return usableKey(keyId).flatMap(key -> Mono.fromCallable(() -> signNow(key, claims,
				new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).type(JOSEObjectType.JWT).build()))
			.subscribeOn(Schedulers.boundedElastic()));
	}

	private String signNow(StoredKey key, byte[] payload) throws JOSEException {
		return signNow(key, payload, new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(keyUrl(key.id()))
			.type(JOSEObjectType.JOSE)
			.build());
	}

	private String signNow(StoredKey key, byte[] payload, JWSHeader header) throws JOSEException {
		PrivateKey privateKey = opened.computeIfAbsent(key.id(), id -> openPrivate(key));
		JWSObject jws = new JWSObject(header, new Payload(payload));
		jws.sign(new RSASSASigner(privateKey));
		return jws.serialize();
	}

	private PrivateKey openPrivate(StoredKey key) {
		try {
			byte[] pkcs8 = master.open(key.sealedPrivateKey(), key.id());
			return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
		}
		catch (java.security.GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Adds the next generation unless {@code fromKeyId} is no longer the active key (a repeated click rotates
	 * once). Old keys stay published so badges they signed keep verifying.
	 */
	public Mono<SigningKey> rotate(String districtId, String fromKeyId) {
		return active(districtId).flatMap(current -> {
			if (fromKeyId != null && !fromKeyId.equals(current.id())) {
				return Mono.just(current);
			}
			return create(districtId, current.generation() + 1).map(StoredKey::toPublic)
				.doOnNext(k -> events.publishEvent(new KeysChanged(districtId)));
		});
	}

	/** Marks a compromised key revoked (idempotent); badges it signed then fail verification. */
	public Mono<SigningKey> revoke(String districtId, String keyId, String reason) {
		Query query = Query.query(Criteria.where("_id").is(keyId).and("districtId").is(districtId));
		return mongo
			.findAndModify(Query.query(Criteria.where("_id").is(keyId).and("districtId").is(districtId)
				.and("revokedAt").is(null)),
					new Update().set("revokedAt", clock.instant()).set("revocationReason", reason),
					FindAndModifyOptions.options().returnNew(true), StoredKey.class)
			.doOnNext(k -> {
				opened.remove(k.id());
				events.publishEvent(new KeysChanged(districtId));
			})
			.switchIfEmpty(mongo.findOne(query, StoredKey.class))
			.map(StoredKey::toPublic);
	}

	private Mono<StoredKey> newest(String districtId) {
		return mongo.findOne(Query.query(Criteria.where("districtId").is(districtId))
			.with(Sort.by(Sort.Direction.DESC, "generation"))
			.limit(1), StoredKey.class);
	}

	private Mono<StoredKey> create(String districtId, int generation) {
		return Mono.fromCallable(() -> generate(districtId, generation))
			.subscribeOn(Schedulers.boundedElastic())
			.flatMap(mongo::insert)
			.doOnNext(k -> log.info("Created signing key generation {} for district {}", generation, districtId))
			// another instance created this generation first: use that one
			.onErrorResume(DuplicateKeyException.class,
					ex -> mongo.findOne(Query.query(Criteria.where("districtId").is(districtId)
						.and("generation").is(generation)), StoredKey.class));
	}

	private StoredKey generate(String districtId, int generation) throws java.security.GeneralSecurityException {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(RSA_BITS);
		KeyPair pair = generator.generateKeyPair();
		String id = OpaqueIds.next();
		String pem = "-----BEGIN PUBLIC KEY-----\n"
				+ Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
					.encodeToString(pair.getPublic().getEncoded())
				+ "\n-----END PUBLIC KEY-----\n";
		opened.put(id, pair.getPrivate());
		return new StoredKey(id, districtId, generation, pem, master.seal(pair.getPrivate().getEncoded(), id),
				clock.instant(), null, null);
	}

}
