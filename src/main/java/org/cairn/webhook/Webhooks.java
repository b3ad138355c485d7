package org.cairn.webhook;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.cairn.account.SecretTokens;
import org.cairn.problem.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Service;

/**
 * Webhooks on award and revocation. Events go to an outbox in MongoDB; a worker on any instance delivers them signed:
 * {@code X-Cairn-Signature: sha256=hex(HMAC-SHA256(secret, timestamp + "." + body))} with {@code X-Cairn-Timestamp},
 * so a receiver can reject replays. Failures are retried with exponential backoff (10 s doubling, capped at an hour),
 * up to {@link #MAX_ATTEMPTS} times, and recorded as a {@link WebhookFailure} category only.
 * <p>
 * Every post goes through the guarded outbound client ({@link WebhookSender}): an IP literal the address policy
 * refuses is refused when the endpoint is registered, a name is judged on every address it resolves to at each
 * delivery, and redirects are not followed.
 * <p>
 * Districts are served fairly: each district is a lane ({@link WebhookLane}) that one instance at a time leases in
 * the store and drains at most {@code concurrencyPerDistrict} deliveries at once, for a bounded turn. A district whose
 * receiver is slow or down only waits on itself; another district's delivery starts on the next poll.
 */
@Service
public class Webhooks implements SchedulingConfigurer {

	private static final Logger log = LoggerFactory.getLogger(Webhooks.class);

	static final int MAX_ATTEMPTS = 8;

	/** How long a lane's holder keeps claiming new deliveries before it lets the next poll (anyone's) take over. */
	private static final Duration TURN = Duration.ofSeconds(30);

	/** Most deliveries one turn of one district claims. */
	private static final int PER_TURN = 200;

	/** A host whose last label is a number: an address in some form, plain or not. */
	private static final java.util.regex.Pattern NUMERIC_HOST = java.util.regex.Pattern.compile("^(.*\\.)?[0-9]+\\.?$");

	private final ReactiveMongoTemplate mongo;

	private final JsonMapper json;

	private final Clock clock;

	private final WebhookProperties properties;

	private final WebhookSender sender;

	/** A claimed delivery is someone else's to retry once this has passed: the attempt's timeout with room. */
	private final Duration claim;

	/** A lane's lease outlives a whole turn (the last claim plus its attempt) so it never lapses mid-turn. */
	private final Duration lease;

	/** Names this instance in lane leases. */
	private final String holder = UUID.randomUUID().toString();

	/** Districts this instance is draining now; only spares it a lease request it would lose to itself. */
	private final Set<String> draining = ConcurrentHashMap.newKeySet();

	private final AtomicBoolean polling = new AtomicBoolean();

	@Autowired
	Webhooks(ReactiveMongoTemplate mongo, JsonMapper json, Clock clock, WebhookProperties properties) {
		this(mongo, json, clock, properties, WebhookSender.of(properties));
	}

	Webhooks(ReactiveMongoTemplate mongo, JsonMapper json, Clock clock, WebhookProperties properties,
			WebhookSender sender) {
		this.mongo = mongo;
		this.json = json;
		this.clock = clock;
		this.properties = properties;
		this.sender = sender;
		this.claim = properties.webhooks().timeout().multipliedBy(3).plusSeconds(10);
		this.lease = TURN.plus(claim);
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar tasks) {
		tasks.addFixedDelayTask(new FixedDelayTask(this::deliverDue, properties.webhookPollMs(), Duration.ZERO));
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
	/**
	 * As {@link #enqueue} for many subjects of one district (a bulk chunk): the endpoints are read once and each
	 * endpoint's deliveries inserted together; a delivery already queued (a chunk run again) falls back to one by one.
	 */
	public Mono<Void> enqueueAll(String districtId, String type, List<Map.Entry<String, Map<String, Object>>> subjects) {
		Instant now = clock.instant();
		return list(districtId).concatMap(endpoint -> {
			List<WebhookDelivery> deliveries = subjects.stream().map(subject -> {
				Map<String, Object> event = new LinkedHashMap<>();
				event.put("id", UUID.randomUUID().toString());
				event.put("type", type);
				event.put("createdAt", now.toString());
				event.put("data", subject.getValue());
				return new WebhookDelivery(null, endpoint.id() + ":" + type + ":" + subject.getKey(), districtId,
						endpoint.id(), type, json.writeValueAsString(event), WebhookDelivery.Status.PENDING, 0, now,
						null, null, null, null, now);
			}).toList();
			return mongo.insertAll(deliveries).then()
				.onErrorResume(org.springframework.dao.DataAccessException.class, ex -> Flux.fromIterable(deliveries)
					.concatMap(d -> mongo.insert(d).onErrorResume(DuplicateKeyException.class, dup -> Mono.empty()))
					.then());
		}).then();
	}

	public Mono<Void> enqueue(String districtId, String type, String subjectId, Map<String, Object> data) {
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
	 * Starts a turn for every district with due deliveries that this instance can lease, without waiting for turns
	 * already under way: a district's slow receiver never holds up the next poll, nor the scheduler thread that the
	 * cache invalidation poll and bulk awards share.
	 */
	void deliverDue() {
		if (!polling.compareAndSet(false, true)) {
			return;
		}
		int free = properties.webhooks().districtsAtOnce() - draining.size();
		dueDistricts().filter(d -> !draining.contains(d))
			.take(Math.max(0, free))
			.concatMap(district -> leaseLane(district).doOnNext(draining::add))
			.doOnNext(district -> turn(district).doFinally(signal -> draining.remove(district))
				.subscribe(count -> { }, ex -> log.warn("Webhook deliveries for a district stopped: {}", ex.toString())))
			.doFinally(signal -> polling.set(false))
			.subscribe(d -> { }, ex -> log.warn("Webhook poll failed: {}", ex.toString()));
	}

	/**
	 * One turn for every district that is due and free, all at once, completing when every turn has; returns how many
	 * deliveries were attempted. What any instance's poll does, for tests and tools that want to wait for it.
	 */
	Mono<Long> deliverOnce() {
		return dueDistricts().flatMap(district -> leaseLane(district).flatMap(this::turn))
			.reduce(0L, Long::sum);
	}

	/** One turn for one district, when it is free. */
	Mono<Long> deliverOnce(String districtId) {
		return leaseLane(districtId).flatMap(this::turn).defaultIfEmpty(0L);
	}

	/** Districts with deliveries due, the least recently served first. */
	private Flux<String> dueDistricts() {
		Instant now = clock.instant();
		return mongo.findDistinct(due(now), "districtId", WebhookDelivery.class, String.class)
			.collectList()
			.flatMapMany(ids -> mongo.find(Query.query(Criteria.where("_id").in(ids)), WebhookLane.class)
				.collectMap(WebhookLane::districtId, lane -> lane.servedAt() == null ? Instant.EPOCH : lane.servedAt())
				.flatMapIterable(served -> ids.stream()
					.sorted(java.util.Comparator.comparing(id -> served.getOrDefault(id, Instant.EPOCH)))
					.toList()));
	}

	private static Query due(Instant now) {
		return Query.query(Criteria.where("status").is(WebhookDelivery.Status.PENDING)
			.and("nextAttemptAt").lte(now)
			.orOperator(Criteria.where("claimedUntil").is(null), Criteria.where("claimedUntil").lt(now)));
	}

	/** The district, when this instance now holds its lane; empty when another holds it. */
	private Mono<String> leaseLane(String districtId) {
		Instant now = clock.instant();
		Query free = Query.query(Criteria.where("_id").is(districtId)
			.orOperator(Criteria.where("leasedUntil").is(null), Criteria.where("leasedUntil").lt(now)));
		return mongo
			.findAndModify(free, new Update().set("leasedUntil", now.plus(lease)).set("holder", holder),
					FindAndModifyOptions.options().upsert(true).returnNew(true), WebhookLane.class)
			.filter(lane -> holder.equals(lane.holder()))
			.map(WebhookLane::districtId)
			// held by someone else: the upsert's insert collides with the existing lane
			.onErrorResume(DuplicateKeyException.class, ex -> Mono.empty());
	}

	/** Delivers the district's due deliveries, a few at a time, for one turn; then hands the lane back. */
	private Mono<Long> turn(String districtId) {
		Instant stopClaiming = clock.instant().plus(TURN);
		return Flux.range(0, PER_TURN)
			.concatMap(i -> clock.instant().isAfter(stopClaiming) ? Mono.just(Optional.<WebhookDelivery>empty())
					: claim(districtId).map(Optional::of).defaultIfEmpty(Optional.empty()))
			.takeWhile(Optional::isPresent)
			.map(Optional::get)
			.flatMap(this::attempt, properties.webhooks().concurrencyPerDistrict())
			.count()
			.onErrorResume(ex -> {
				log.warn("Webhook turn stopped: {}", ex.toString());
				return Mono.just(0L);
			})
			.flatMap(count -> mongo
				.updateFirst(Query.query(Criteria.where("_id").is(districtId).and("holder").is(holder)),
						new Update().set("leasedUntil", null).set("servedAt", clock.instant()), WebhookLane.class)
				.thenReturn(count));
	}

	/** The district's oldest due delivery, claimed for this attempt. */
	private Mono<WebhookDelivery> claim(String districtId) {
		Instant now = clock.instant();
		return mongo.findAndModify(
				due(now).addCriteria(Criteria.where("districtId").is(districtId)).with(Sort.by("nextAttemptAt")),
				new Update().set("claimedUntil", now.plus(claim)), FindAndModifyOptions.options().returnNew(true),
				WebhookDelivery.class);
	}

	private Mono<Long> attempt(WebhookDelivery delivery) {
		return mongo.findById(delivery.endpointId(), WebhookEndpoint.class)
			.map(Optional::of)
			.defaultIfEmpty(Optional.empty())
			.flatMap(endpoint -> endpoint.isPresent() ? send(delivery, endpoint.get())
					// endpoint deleted: nothing to deliver to
					: mongo.updateFirst(Query.query(Criteria.where("_id").is(delivery.id())),
							new Update().set("status", WebhookDelivery.Status.FAILED)
								.set("lastError", WebhookFailure.ENDPOINT_REMOVED.words())
								.unset("claimedUntil"),
							WebhookDelivery.class).then())
			.thenReturn(1L);
	}

	private Mono<Void> send(WebhookDelivery delivery, WebhookEndpoint endpoint) {
		String timestamp = String.valueOf(clock.instant().getEpochSecond());
		Map<String, String> headers = Map.of("X-Cairn-Event", delivery.eventType(), "X-Cairn-Delivery", delivery.id(),
				"X-Cairn-Timestamp", timestamp, "X-Cairn-Signature",
				"sha256=" + hmac(endpoint.secret(), timestamp + "." + delivery.body()));
		return sender.post(URI.create(endpoint.url()), headers, delivery.body())
			.flatMap(outcome -> outcome.delivered() ? delivered(delivery, outcome.status())
					: failed(delivery, outcome.status(), outcome.failure()));
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

	private Mono<Void> failed(WebhookDelivery delivery, Integer status, WebhookFailure failure) {
		int attempts = delivery.attempts() + 1;
		boolean giveUp = attempts >= MAX_ATTEMPTS;
		long delaySeconds = Math.min(3600, 10L << Math.min(attempts - 1, 12));
		log.info("Webhook delivery {} of district {} failed (attempt {}): {}", delivery.id(), delivery.districtId(),
				attempts, failure.words());
		return mongo.updateFirst(Query.query(Criteria.where("_id").is(delivery.id())),
				new Update().set("status", giveUp ? WebhookDelivery.Status.FAILED : WebhookDelivery.Status.PENDING)
					.set("attempts", attempts)
					.set("lastStatus", status)
					.set("lastError", failure.words())
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

	/**
	 * https anywhere the address policy allows; plain http only to a loopback address and only when configured
	 * (tests, local demos). A name is judged on what it resolves to at each delivery; an IP literal is judged now.
	 */
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
		if (NUMERIC_HOST.matcher(uri.getHost()).matches() && !plainIpv4(uri.getHost())) {
			// 2130706433 or 0177.0.0.1: resolvers read these as 127.0.0.1 although they are no literal we judge, and
			// no public receiver is named like that (java.net.URI already gives no host for 0x7f.0.0.1 or 127.1)
			throw ProblemException.invalid("url", "Give the receiver's host name or a plain IP address.");
		}
		boolean https = "https".equals(uri.getScheme());
		if (!https && !("http".equals(uri.getScheme()) && properties.allowHttpLoopbackWebhooks()
				&& loopback(uri.getHost()))) {
			throw ProblemException.invalid("url", "Webhook URLs must use https.");
		}
		InetAddress refused = sender.refusedLiteral(uri);
		if (refused != null) {
			throw ProblemException.invalid("url", "Cairn does not send webhooks to " + refused.getHostAddress()
					+ ": it is a private, loopback or otherwise internal address. Use your receiver's public address.");
		}
	}

	/** Four decimal numbers written the one way everyone reads the same: {@code 203.0.113.7}, not {@code 0177.0.0.1}. */
	private static boolean plainIpv4(String host) {
		byte[] bytes = io.netty.util.NetUtil.createByteArrayFromIpAddressString(host);
		try {
			return bytes != null && bytes.length == 4 && InetAddress.getByAddress(bytes).getHostAddress().equals(host);
		}
		catch (UnknownHostException ex) {
			return false;
		}
	}

	private static boolean loopback(String host) {
		String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
		byte[] literal = io.netty.util.NetUtil.createByteArrayFromIpAddressString(bare);
		try {
			// a literal only: resolving a name here would block the request thread and prove nothing about later
			return "localhost".equalsIgnoreCase(bare) || literal != null && InetAddress.getByAddress(literal).isLoopbackAddress();
		}
		catch (UnknownHostException ex) {
			return false;
		}
	}

}
