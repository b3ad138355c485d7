package org.cairn.verification;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.cairn.language.Language;

import org.cairn.outbound.DocumentFetcher;
import org.cairn.outbound.Fetched;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The reports of Cairn's own genuine badges, remembered by the SHA-256 of what was given (the JWS, assertion, URL
 * or file, and the recipient) while nothing the verification read has changed. Verifying the same shared badge
 * again then costs a hash and a look at the documents in memory instead of parsing, checking and summarising it.
 * <p>
 * Only a report that is valid and read nothing but Cairn's own documents from memory is remembered: any other
 * input (a forged or altered JWS has another hash), a failed, revoked or expired badge, a network fetch or a fetch
 * that failed is verified in full every time. A remembered report is given again only when every document it read
 * is still the very same one in memory ({@code PublicDocuments} drops a district's documents when it changes a key,
 * a revocation or its settings, at once on the instance where that happens and within {@code cache-poll-ms} on the
 * others, and keeps none longer than a minute), and only until the first moment a date in anything it read (an
 * expiry, a future issue date) could change the verdict, and {@link #MAX_AGE} at the latest.
 * <p>
 * A remembered report is also written as JSON once ({@link Remembered#json()}): writing the report was a quarter of
 * the CPU a remembered verification cost (docs/verification.md, "Where the time goes").
 */
final class Verdicts {

	static final Duration MAX_AGE = Duration.ofSeconds(60);

	private static final int MAX_ENTRIES = 10_000;

	/** Fields whose moment, once passed, changes a verdict: expiry, and not-yet-valid dates. */
	private static final List<String> DATES = List.of("expires", "validUntil", "expirationDate", "issuedOn",
			"validFrom", "issuanceDate");

	private final Map<String, Remembered> remembered = new ConcurrentHashMap<>();

	private final AtomicLong recalled = new AtomicLong();

	private final DocumentFetcher documents;

	private final Clock clock;

	private final JsonMapper json;

	Verdicts(DocumentFetcher documents, Clock clock, JsonMapper json) {
		this.documents = documents;
		this.clock = clock;
		this.json = json;
	}

	/** The key of a request: the SHA-256 of its kind, content or file, and recipient. */
	static String key(VerificationRequest request) {
		MessageDigest sha;
		try {
			sha = MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
		part(sha, request.source().name().getBytes(StandardCharsets.UTF_8));
		part(sha, request.file() != null ? request.file()
				: String.valueOf(request.text()).getBytes(StandardCharsets.UTF_8));
		part(sha, String.valueOf(request.recipient()).getBytes(StandardCharsets.UTF_8));
		return HexFormat.of().formatHex(sha.digest());
	}

	/** Length-prefixed, so no two different requests run together into the same bytes. */
	private static void part(MessageDigest sha, byte[] bytes) {
		sha.update(new byte[] { (byte) (bytes.length >>> 24), (byte) (bytes.length >>> 16), (byte) (bytes.length >>> 8),
				(byte) bytes.length });
		sha.update(bytes);
	}

	/**
	 * The remembered report for this key when it still holds, else empty. When every document it read is in memory
	 * the check is a plain look at each ({@link #recallHeld}); otherwise each is asked for again.
	 */
	Mono<Remembered> recall(String key) {
		Remembered entry = current(key);
		if (entry == null) {
			return Mono.empty();
		}
		Held held = held(entry);
		if (held != Held.UNKNOWN) {
			return Mono.justOrEmpty(recalled(key, entry, held == Held.SAME));
		}
		return Flux.fromIterable(entry.reads())
			.concatMap(read -> documents.fetch(read.url())
				.map(now -> now.local() && now.body() == read.body())
				.onErrorReturn(false)
				.defaultIfEmpty(false))
			.all(same -> same)
			.flatMap(same -> Mono.justOrEmpty(recalled(key, entry, same)));
	}

	/**
	 * The remembered report for this key when it still holds and every document it read is in memory now, found
	 * without subscribing to anything (a remembered answer given before the security chain); null when there is
	 * none, it no longer holds, or a document is not in memory (then {@link #recall} decides).
	 */
	Remembered recallHeld(String key) {
		Remembered entry = current(key);
		if (entry == null) {
			return null;
		}
		Held held = held(entry);
		return held == Held.UNKNOWN ? null : recalled(key, entry, held == Held.SAME);
	}

	/** The entry under the key while its time lasts (dropped once it is over), or null. */
	private Remembered current(String key) {
		Remembered entry = remembered.get(key);
		if (entry == null) {
			return null;
		}
		if (!clock.instant().isBefore(entry.until())) {
			remembered.remove(key, entry);
			return null;
		}
		return entry;
	}

	/** Whether each document the entry read is the very node in memory now, as far as memory can tell. */
	private Held held(Remembered entry) {
		for (Read read : entry.reads()) {
			JsonNode now = documents.held(read.url());
			if (now == null) {
				return Held.UNKNOWN;
			}
			if (now != read.body()) {
				return Held.CHANGED;
			}
		}
		return Held.SAME;
	}

	private Remembered recalled(String key, Remembered entry, boolean same) {
		if (!same) {
			remembered.remove(key, entry);
			return null;
		}
		recalled.incrementAndGet();
		return entry;
	}

	private enum Held {

		SAME, CHANGED, UNKNOWN

	}

	/** Remembers a report of a completed run when it may be (see the class comment). */
	void remember(String key, Report report, Run run, Reads reads) {
		if (!report.valid() || reads.spoiled() || reads.all().isEmpty() || run.revoked) {
			return;
		}
		Instant now = clock.instant();
		Instant until = now.plus(MAX_AGE);
		List<JsonNode> read = new ArrayList<>();
		if (run.assertion != null) {
			read.add(run.assertion);
		}
		reads.all().forEach(r -> read.add(r.body()));
		for (JsonNode node : read) {
			until = earliestChange(node, now, until, 0);
		}
		if (!until.isAfter(now)) {
			return;
		}
		if (remembered.size() >= MAX_ENTRIES) {
			remembered.clear(); // bounded: start over rather than track recency on every hit
		}
		remembered.put(key, new Remembered(report, List.copyOf(reads.all()), until, json));
	}

	/** The first future moment named by a date field anywhere in the node (not deeper than a few levels), or limit. */
	private static Instant earliestChange(JsonNode node, Instant now, Instant limit, int depth) {
		if (node == null || depth > 6) {
			return limit;
		}
		Instant earliest = limit;
		if (node.isObject()) {
			for (String field : DATES) {
				JsonNode value = node.get(field);
				if (value == null) {
					continue;
				}
				// read as the checks read it; a date that cannot be read is not remembered around
				Instant at = value.isString() ? Nodes.dateTime(value.asString()) : null;
				if (at == null) {
					return now;
				}
				if (at.isAfter(now) && at.isBefore(earliest)) {
					earliest = at;
				}
			}
		}
		if (node.isContainer()) {
			for (JsonNode child : node.values()) {
				earliest = earliestChange(child, now, earliest, depth + 1);
			}
		}
		return earliest;
	}

	/** How many reports are remembered (for tests). */
	int size() {
		return remembered.size();
	}

	/** How many times a remembered report was given again (for tests). */
	long recalled() {
		return recalled.get();
	}

	/** A remembered report, what it read, until when it may be given, and its JSON once written. */
	static final class Remembered {

		private final Report report;

		private final List<Read> reads;

		private final Instant until;

		private final JsonMapper mapper;

		/** Written per language at the first recall that needs it; the same report always gives the same bytes. */
		private final Map<Language, byte[]> json = new ConcurrentHashMap<>();

		private Remembered(Report report, List<Read> reads, Instant until, JsonMapper mapper) {
			this.report = report;
			this.reads = reads;
			this.until = until;
			this.mapper = mapper;
		}

		Report report() {
			return report;
		}

		List<Read> reads() {
			return reads;
		}

		Instant until() {
			return until;
		}

		/**
		 * The report in a language as JSON, as the answer's codec writes it (the same mapper); never changed by a
		 * reader.
		 */
		byte[] json(Language language) {
			return json.computeIfAbsent(language, l -> mapper.writeValueAsBytes(report.in(l)));
		}

	}

	/** A document a verification read: where, and the very node it got. */
	record Read(URI url, JsonNode body) {
	}

	/**
	 * The documents one verification read (its endorsements' too), collected by {@link Retrieval} through the
	 * subscriber context. Spoiled by anything that is not one of Cairn's own documents from memory.
	 */
	static final class Reads {

		private final List<Read> reads = new ArrayList<>();

		private boolean spoiled;

		synchronized void read(URI url, Fetched fetched) {
			if (!fetched.local() || fetched.body() == null) {
				spoiled = true;
			}
			else {
				reads.add(new Read(url, fetched.body()));
			}
		}

		synchronized void spoil() {
			spoiled = true;
		}

		synchronized boolean spoiled() {
			return spoiled;
		}

		synchronized List<Read> all() {
			return List.copyOf(reads);
		}

	}

}
