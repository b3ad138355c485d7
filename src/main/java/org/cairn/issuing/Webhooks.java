package org.cairn.issuing;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.cairn.account.SecretTokens;
import org.cairn.problem.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Webhooks on award and revocation. Events go to an outbox in MongoDB; a worker on any instance claims due
 * deliveries with a conditional update and POSTs them signed: {@code X-Cairn-Signature: sha256=hex(HMAC-SHA256(
 * secret, timestamp + "." + body))} with {@code X-Cairn-Timestamp}, so a receiver can reject replays. Failures are
 * retried with exponential backoff (10 s doubling, capped at an hour), up to {@link #MAX_ATTEMPTS} times.
 */
@Service
class Webhooks {

	private static final Logger log = LoggerFactory.getLogger(Webhooks.class);

	static final int MAX_ATTEMPTS = 8;

	private static final Duration CLAIM = Duration.ofSeconds(30);

	private final ReactiveMongoTemplate mongo;

	private final JsonMapper json;

	private final Clock clock;

	private final IssuingProperties properties;

	private final WebClient client;

	private final java.util.concurrent.atomic.AtomicBoolean delivering = new java.util.concurrent.atomic.AtomicBoolean();

	Webhooks(ReactiveMongoTemplate mongo, JsonMapper json, Clock clock, IssuingProperties properties) {
		this.mongo = mongo;
		this.json = json;
		this.clock = clock;
		this.properties = properties;
		this.client = WebClient.create();
	}

	Mono<WebhookEndpoint> register(String districtId, String url) {
		validate(url);
		return mongo.insert(new WebhookEndpoint(null, districtId, url, SecretTokens.generate("whsec_"), clock.instant()));
	}

	Flux<WebhookEndpoint> list(String districtId) {
		return mongo.find(Query.query(Criteria.where("districtId").is(districtId)).with(Sort.by("createdAt")),
				WebhookEndpoint.class);
	}

	Mono<Boolean> remove(String districtId, String id) {
		return mongo.remove(Query.query(Criteria.where("_id").is(id).and("districtId").is(districtId)),
				WebhookEndpoint.class).map(r -> r.getDeletedCount() > 0);
	}

	Flux<WebhookDelivery> deliveries(String districtId, String endpointId) {
		return mongo.find(Query.query(Criteria.where("districtId").is(districtId).and("endpointId").is(endpointId))
			.with(Sort.by(Sort.Direction.DESC, "createdAt"))
			.limit(100), WebhookDelivery.class);
	}

	/** Queues the event for every endpoint of the district. */
	Mono<Void> enqueue(String districtId, String type, String subjectId, Map<String, Object> data) {
		Instant now = clock.instant();
		return list(districtId).flatMap(endpoint -> {
			Map<String, Object> event = new LinkedHashMap<>();
			event.put("id", UUID.randomUUID().toString());
			event.put("type", type);
			event.put("createdAt", now.toString());
			event.put("data", data);
			String key = endpoint.id() + ":" + type + ":" + subjectId;
			return mongo
				.insert(new WebhookDelivery(null, key, districtId, endpoint.id(), type, json.writeValueAsString(event),
						WebhookDelivery.Status.PENDING, 0, now, null, null, null, null, now))
				.onErrorResume(DuplicateKeyException.class, ex -> Mono.empty());
		}).then();
	}

	/**
	 * Runs off the scheduler thread (one thread shared by every poller): a slow receiver must not hold up the cache
	 * invalidation poll or bulk awards. The flag only keeps this instance from overlapping itself.
	 */
	@Scheduled(fixedDelayString = "${cairn.issuing.webhook-poll-ms:1000}")
	void deliverDue() {
		if (delivering.compareAndSet(false, true)) {
			deliverBatch(20).doFinally(signal -> delivering.set(false))
				.subscribe(count -> { }, ex -> log.warn("Webhook deliveries stopped: {}", ex.toString()));
		}
	}

	/** Claims and delivers up to {@code max} due deliveries; returns how many were attempted. */
	Mono<Long> deliverBatch(int max) {
		return Flux.range(0, max)
			.concatMap(i -> claim().map(java.util.Optional::of).defaultIfEmpty(java.util.Optional.empty()))
			.takeWhile(java.util.Optional::isPresent)
			.map(java.util.Optional::get)
			.flatMap(this::attempt, 4)
			.count();
	}

	private Mono<WebhookDelivery> claim() {
		Instant now = clock.instant();
		return mongo.findAndModify(
				Query.query(Criteria.where("status").is(WebhookDelivery.Status.PENDING)
					.and("nextAttemptAt").lte(now)
					.orOperator(Criteria.where("claimedUntil").is(null), Criteria.where("claimedUntil").lt(now))),
				new Update().set("claimedUntil", now.plus(CLAIM)), FindAndModifyOptions.options().returnNew(true),
				WebhookDelivery.class);
	}

	private Mono<Void> attempt(WebhookDelivery delivery) {
		return mongo.findById(delivery.endpointId(), WebhookEndpoint.class)
			.map(java.util.Optional::of)
			.defaultIfEmpty(java.util.Optional.empty())
			.flatMap(endpoint -> endpoint.isPresent() ? send(delivery, endpoint.get())
					// endpoint deleted: nothing to deliver to
					: mongo.updateFirst(Query.query(Criteria.where("_id").is(delivery.id())),
							new Update().set("status", WebhookDelivery.Status.FAILED).set("lastError", "endpoint removed"),
							WebhookDelivery.class).then());
	}

	private Mono<Void> send(WebhookDelivery delivery, WebhookEndpoint endpoint) {
		String timestamp = String.valueOf(clock.instant().getEpochSecond());
		return client.post()
			.uri(endpoint.url())
			.contentType(MediaType.APPLICATION_JSON)
			.header("X-Cairn-Event", delivery.eventType())
			.header("X-Cairn-Delivery", delivery.id())
			.header("X-Cairn-Timestamp", timestamp)
			.header("X-Cairn-Signature", "sha256=" + hmac(endpoint.secret(), timestamp + "." + delivery.body()))
			.bodyValue(delivery.body().getBytes(StandardCharsets.UTF_8))
			.exchangeToMono(response -> response.releaseBody().thenReturn(response.statusCode().value()))
			.timeout(Duration.ofSeconds(10))
			.flatMap(status -> status >= 200 && status < 300 ? delivered(delivery, status)
					: failed(delivery, status, "HTTP " + status))
			.onErrorResume(ex -> failed(delivery, null, ex.getClass().getSimpleName() + ": " + ex.getMessage()));
	}

	private Mono<Void> delivered(WebhookDelivery delivery, int status) {
		return mongo.updateFirst(Query.query(Criteria.where("_id").is(delivery.id())),
				new Update().set("status", WebhookDelivery.Status.DELIVERED)
					.set("deliveredAt", clock.instant())
					.set("lastStatus", status)
					.inc("attempts", 1)
					.unset("claimedUntil"),
				WebhookDelivery.class).then();
	}

	private Mono<Void> failed(WebhookDelivery delivery, Integer status, String error) {
		int attempts = delivery.attempts() + 1;
		boolean giveUp = attempts >= MAX_ATTEMPTS;
		long delaySeconds = Math.min(3600, 10L << Math.min(attempts - 1, 12));
		log.warn("Webhook delivery {} failed (attempt {}): {}", delivery.id(), attempts, error);
		return mongo.updateFirst(Query.query(Criteria.where("_id").is(delivery.id())),
				new Update().set("status", giveUp ? WebhookDelivery.Status.FAILED : WebhookDelivery.Status.PENDING)
					.set("attempts", attempts)
					.set("lastStatus", status)
					.set("lastError", error.length() > 500 ? error.substring(0, 500) : error)
					.set("nextAttemptAt", clock.instant().plusSeconds(delaySeconds))
					.unset("claimedUntil"),
				WebhookDelivery.class).then();
	}

	static String hmac(String secret, String message) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
		}
		catch (java.security.GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** https anywhere; plain http only to a loopback address and only when configured (tests, local demos). */
	private void validate(String url) {
		URI uri;
		try {
			uri = URI.create(url);
		}
		catch (IllegalArgumentException ex) {
			throw ProblemException.invalid("url", "Not a URL.");
		}
		if (uri.getHost() == null || uri.getUserInfo() != null) {
			throw ProblemException.invalid("url", "Needs a host and no credentials.");
		}
		if ("https".equals(uri.getScheme())) {
			return;
		}
		if ("http".equals(uri.getScheme()) && properties.allowHttpLoopbackWebhooks() && loopback(uri.getHost())) {
			return;
		}
		throw ProblemException.invalid("url", "Webhook URLs must use https.");
	}

	private static boolean loopback(String host) {
		try {
			return "localhost".equals(host) || InetAddress.getByName(host).isLoopbackAddress();
		}
		catch (UnknownHostException ex) {
			return false;
		}
	}

}
