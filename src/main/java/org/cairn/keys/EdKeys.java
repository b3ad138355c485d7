package org.cairn.keys;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.cairn.openbadges.Multibase;
import org.cairn.openbadges.OpaqueIds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * District Ed25519 keys for Open Badges 3.0 Data Integrity proofs ({@code eddsa-rdfc-2022}). Created on first need,
 * never at start and never again once one exists; the private key is sealed under the master key like the RSA keys
 * and opened once per instance.
 */
@Service
public class EdKeys {

	private static final Logger log = LoggerFactory.getLogger(EdKeys.class);

	private final ReactiveMongoTemplate mongo;

	private final MasterKey master;

	private final Clock clock;

	private final Map<String, PrivateKey> opened = new ConcurrentHashMap<>();

	EdKeys(ReactiveMongoTemplate mongo, MasterKey master, Clock clock) {
		this.mongo = mongo;
		this.master = master;
		this.clock = clock;
	}

	/** The key that signs the district's next credential, created if the district has none usable. */
	public Mono<EdKey> active(String districtId) {
		// read once: a second read could see a key another caller created meanwhile and add a needless generation
		return newest(districtId)
			.flatMap(k -> k.revokedAt() == null ? Mono.just(k) : create(districtId, k.generation() + 1))
			.switchIfEmpty(Mono.defer(() -> create(districtId, 1)))
			.map(StoredEdKey::toPublic);
	}

	public Flux<EdKey> all(String districtId) {
		return mongo.find(Query.query(Criteria.where("districtId").is(districtId)).with(Sort.by("generation")),
				StoredEdKey.class).map(StoredEdKey::toPublic);
	}

	public Mono<EdKey> find(String keyId) {
		return mongo.findById(keyId, StoredEdKey.class).map(StoredEdKey::toPublic);
	}

	/** Signs with a usable (unrevoked) key: returns the raw 64-byte Ed25519 signature. CPU work off the loop. */
	public Mono<byte[]> sign(String keyId, byte[] data) {
		return mongo.findById(keyId, StoredEdKey.class)
			.switchIfEmpty(Mono.error(() -> new IllegalStateException("no Ed25519 key " + keyId)))
			.filter(key -> key.revokedAt() == null)
			.switchIfEmpty(Mono.error(() -> new IllegalStateException("Ed25519 key " + keyId + " is revoked")))
			.flatMap(key -> Mono.fromCallable(() -> {
				Signature signature = Signature.getInstance("Ed25519");
				signature.initSign(opened.computeIfAbsent(key.id(), id -> openPrivate(key)));
				signature.update(data);
				return signature.sign();
			}).subscribeOn(Schedulers.boundedElastic()));
	}

	private PrivateKey openPrivate(StoredEdKey key) {
		try {
			return KeyFactory.getInstance("Ed25519")
				.generatePrivate(new PKCS8EncodedKeySpec(master.open(key.sealedPrivateKey(), key.id())));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private Mono<StoredEdKey> newest(String districtId) {
		return mongo.findOne(Query.query(Criteria.where("districtId").is(districtId))
			.with(Sort.by(Sort.Direction.DESC, "generation"))
			.limit(1), StoredEdKey.class);
	}

	private Mono<StoredEdKey> create(String districtId, int generation) {
		return Mono.fromCallable(() -> generate(districtId, generation))
			.subscribeOn(Schedulers.boundedElastic())
			.flatMap(mongo::insert)
			.doOnNext(k -> log.info("Created Ed25519 key generation {} for district {}", generation, districtId))
			// another instance created this generation first: use that one
			.onErrorResume(DuplicateKeyException.class,
					ex -> mongo.findOne(Query.query(Criteria.where("districtId").is(districtId)
						.and("generation").is(generation)), StoredEdKey.class));
	}

	private StoredEdKey generate(String districtId, int generation) throws GeneralSecurityException {
		KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
		byte[] spki = pair.getPublic().getEncoded();
		// SubjectPublicKeyInfo of Ed25519 ends with the 32 raw key bytes
		byte[] raw = Arrays.copyOfRange(spki, spki.length - 32, spki.length);
		String id = OpaqueIds.next();
		opened.put(id, pair.getPrivate());
		return new StoredEdKey(id, districtId, generation, Multibase.ed25519PublicKey(raw),
				master.seal(pair.getPrivate().getEncoded(), id), clock.instant(), null);
	}

}
