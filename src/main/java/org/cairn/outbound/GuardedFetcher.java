package org.cairn.outbound;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Fetches other issuers' documents over http(s) through Reactor Netty. Every hop (the first request and each
 * redirect, followed here rather than by Netty so each is counted and judged) is checked: scheme, literal address,
 * and the addresses the name resolves to at connect time ({@link GuardedResolverGroup}). The answer must be JSON or
 * JSON-LD, within the size limit and in time. Documents are cached as long as their {@code Cache-Control} allows,
 * within a bounded cache.
 */
public final class GuardedFetcher implements DocumentFetcher {

	private static final MediaType LD_JSON = MediaType.parseMediaType("application/ld+json");

	private final AddressPolicy policy;

	private final FetchLimits limits;

	private final JsonMapper json;

	private final Clock clock;

	private final WebClient web;

	private final Map<String, AtomicInteger> underWay = new ConcurrentHashMap<>();

	private final Map<String, CacheEntry> cache;

	public GuardedFetcher(AddressPolicy policy, NameResolution names, FetchLimits limits, JsonMapper json, Clock clock) {
		this.policy = policy;
		this.limits = limits;
		this.json = json;
		this.clock = clock;
		this.cache = new LinkedHashMap<>(64, 0.75f, true) {
			@Override
			protected boolean removeEldestEntry(Map.Entry<String, CacheEntry> eldest) {
				return size() > limits.cacheEntries();
			}
		};
		HttpClient http = GuardedHttp.client("verification-fetch", policy, names, limits.connectTimeout(),
				limits.timeout(), 256);
		this.web = WebClient.builder()
			.clientConnector(new ReactorClientHttpConnector(http))
			.codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(limits.maxBytes()))
			.build();
	}

	@Override
	public Mono<Fetched> fetch(URI url) {
		Fetched cached = cached(url);
		if (cached != null) {
			return Mono.just(cached);
		}
		return hop(url, url, 0);
	}

	private Mono<Fetched> hop(URI requested, URI current, int redirects) {
		return Mono.defer(() -> {
			String host = admit(current);
			AtomicInteger count = underWay.computeIfAbsent(host, h -> new AtomicInteger());
			if (count.incrementAndGet() > limits.perHost()) {
				count.decrementAndGet();
				return Mono.error(new FetchFailure(FetchFailure.Reason.BUSY,
						"Too many documents are being fetched from " + host + " at once."));
			}
			return web.get()
				.uri(current)
				.accept(LD_JSON, MediaType.APPLICATION_JSON)
				.exchangeToMono(response -> answer(requested, current, response))
				.timeout(limits.timeout())
				.onErrorMap(ex -> failure(current, ex))
				.doFinally(signal -> count.decrementAndGet());
		}).flatMap(answer -> {
			if (answer instanceof Answer.Redirect redirect) {
				if (redirects + 1 > limits.maxRedirects()) {
					return Mono.error(new FetchFailure(FetchFailure.Reason.REDIRECTS,
							requested + " redirects more than " + limits.maxRedirects() + " times."));
				}
				return hop(requested, redirect.location(), redirects + 1);
			}
			Fetched fetched = ((Answer.Document) answer).fetched();
			return Mono.just(fetched);
		});
	}

	/** The host to connect to, once scheme and (for a literal address) the address itself are acceptable. */
	private String admit(URI url) {
		String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
		if (!scheme.equals("http") && !scheme.equals("https")) {
			throw new FetchFailure(FetchFailure.Reason.SCHEME, url + " is not an http(s) URL.");
		}
		String host = url.getHost();
		if (host == null || host.isBlank()) {
			throw new FetchFailure(FetchFailure.Reason.SCHEME, url + " names no host.");
		}
		// Netty connects to a literal address without asking the resolver, so literals are judged here.
		InetAddress refused = GuardedHttp.refusedLiteral(policy, host);
		if (refused != null) {
			throw new FetchFailure(FetchFailure.Reason.BLOCKED_ADDRESS, url + " points at " + refused.getHostAddress()
					+ ", a non-public address the verifier does not connect to.");
		}
		return host.toLowerCase(Locale.ROOT);
	}

	private Mono<Answer> answer(URI requested, URI current, ClientResponse response) {
		int status = response.statusCode().value();
		if (response.statusCode().is3xxRedirection() && status != 304) {
			URI location = response.headers().asHttpHeaders().getLocation();
			if (location == null) {
				return response.releaseBody()
					.then(Mono.error(new FetchFailure(FetchFailure.Reason.REDIRECTS,
							current + " redirects without a Location.")));
			}
			return response.releaseBody().thenReturn(new Answer.Redirect(current.resolve(location)));
		}
		if (status != 200 && status != 410) {
			return response.releaseBody()
				.then(Mono.error(new FetchFailure(FetchFailure.Reason.STATUS, current + " answered " + status + ".")));
		}
		HttpHeaders headers = response.headers().asHttpHeaders();
		if (headers.getContentLength() > limits.maxBytes()) {
			return response.releaseBody()
				.then(Mono.error(new FetchFailure(FetchFailure.Reason.TOO_LARGE,
						current + " is larger than " + limits.maxBytes() + " bytes.")));
		}
		MediaType type = headers.getContentType();
		boolean jsonType = type != null && (type.isCompatibleWith(MediaType.APPLICATION_JSON)
				|| type.isCompatibleWith(LD_JSON) || type.getSubtype().endsWith("+json"));
		if (!jsonType) {
			if (status == 410) {
				return response.releaseBody().thenReturn(document(requested, current, 410, null, headers));
			}
			return response.releaseBody()
				.then(Mono.error(new FetchFailure(FetchFailure.Reason.CONTENT_TYPE,
						current + " is served as " + type + ", not JSON or JSON-LD.")));
		}
		return response.bodyToMono(byte[].class)
			.defaultIfEmpty(new byte[0])
			.map(bytes -> document(requested, current, status, parse(current, bytes, status), headers));
	}

	private JsonNode parse(URI url, byte[] bytes, int status) {
		if (bytes.length == 0 && status == 410) {
			return null;
		}
		try {
			JsonNode node = json.readTree(bytes);
			if (node == null || !node.isObject()) {
				throw new FetchFailure(FetchFailure.Reason.CONTENT_TYPE, url + " is not a JSON object.");
			}
			return node;
		}
		catch (JacksonException ex) {
			throw new FetchFailure(FetchFailure.Reason.CONTENT_TYPE, url + " is not valid JSON.");
		}
	}

	private Answer document(URI requested, URI served, int status, JsonNode body, HttpHeaders headers) {
		Fetched fetched = new Fetched(requested, served, status, body, false);
		remember(requested, fetched, headers);
		return new Answer.Document(fetched);
	}

	private Throwable failure(URI url, Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof FetchFailure failure) {
				return failure;
			}
			if (cause instanceof TimeoutException || cause instanceof io.netty.channel.ConnectTimeoutException
					|| cause instanceof io.netty.handler.timeout.ReadTimeoutException) {
				return new FetchFailure(FetchFailure.Reason.TIMEOUT, url + " did not answer in time.");
			}
			if (cause instanceof DataBufferLimitException) {
				return new FetchFailure(FetchFailure.Reason.TOO_LARGE,
						url + " is larger than " + limits.maxBytes() + " bytes.");
			}
			if (cause instanceof UnknownHostException) {
				return new FetchFailure(FetchFailure.Reason.UNKNOWN_HOST, url.getHost() + " does not resolve.");
			}
		}
		return new FetchFailure(FetchFailure.Reason.NETWORK, url + " could not be fetched.");
	}

	private Fetched cached(URI url) {
		synchronized (cache) {
			CacheEntry entry = cache.get(url.toString());
			if (entry == null) {
				return null;
			}
			if (!entry.expiresAt().isAfter(clock.instant())) {
				cache.remove(url.toString());
				return null;
			}
			return entry.fetched();
		}
	}

	/** Kept only when the issuer says so ({@code max-age}), never beyond our own ceiling. */
	private void remember(URI url, Fetched fetched, HttpHeaders headers) {
		String control = headers.getCacheControl();
		if (control == null) {
			return;
		}
		String lower = control.toLowerCase(Locale.ROOT);
		if (lower.contains("no-store") || lower.contains("no-cache") || lower.contains("private")) {
			return;
		}
		Duration age = maxAge(lower);
		if (age == null || age.isZero() || age.isNegative()) {
			return;
		}
		if (age.compareTo(limits.maxCacheAge()) > 0) {
			age = limits.maxCacheAge();
		}
		synchronized (cache) {
			cache.put(url.toString(), new CacheEntry(fetched, clock.instant().plus(age)));
		}
	}

	private static Duration maxAge(String control) {
		for (String directive : control.split(",")) {
			String d = directive.trim();
			if (d.startsWith("max-age=")) {
				try {
					return Duration.ofSeconds(Long.parseLong(d.substring(8).replace("\"", "").trim()));
				}
				catch (NumberFormatException ex) {
					return null;
				}
			}
		}
		return null;
	}

	private record CacheEntry(Fetched fetched, Instant expiresAt) {
	}

	private sealed interface Answer {

		record Redirect(URI location) implements Answer {
		}

		record Document(Fetched fetched) implements Answer {
		}

	}


}
