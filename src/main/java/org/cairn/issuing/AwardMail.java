package org.cairn.issuing;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.cairn.language.Language;
import org.cairn.mail.Mailer;
import org.cairn.mail.OutgoingMail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Tells the recipient of a bulk award, by email, that they hold a new badge, with its public link and certificate.
 * Exactly one message per award key, whichever instance or retry gets there: a marker document keyed by the award
 * key is inserted first (the unique id decides) and removed again when sending fails, so a later retry sends it.
 * A failure to mail never fails the award.
 */
@Component
public class AwardMail {

	private static final Logger log = LoggerFactory.getLogger(AwardMail.class);

	private static final Pattern LINE_BREAKS = Pattern.compile("[\\r\\n\\t]+");

	private final ReactiveMongoTemplate mongo;

	private final Mailer mailer;

	private final PublicDocuments documents;

	private final PublicUrls urls;

	private final Clock clock;

	private final org.cairn.account.PersonRepository people;

	AwardMail(ReactiveMongoTemplate mongo, Mailer mailer, PublicDocuments documents, PublicUrls urls, Clock clock,
			org.cairn.account.PersonRepository people) {
		this.people = people;
		this.mongo = mongo;
		this.mailer = mailer;
		this.documents = documents;
		this.urls = urls;
		this.clock = clock;
	}

	/**
	 * The marker that the award's message went out (or is going out).
	 *
	 * @param claim a fresh token per batch that inserted it: tells a batch which markers it inserted itself when
	 * some of its keys were taken already (null in markers written before batches)
	 */
	@Document("issuing_award_mail")
	record Sent(@Id String awardKey, String assertionId, Instant sentAt, String claim) {
	}

	public Mono<Void> sendOnce(String awardKey, IssuedAssertion assertion) {
		return sendOnce(Map.of(awardKey, assertion));
	}

	/**
	 * Mails each award of a batch (award key to its assertion) unless its message went out already. The markers
	 * are inserted with one {@code insertMany} (one store command for a bulk chunk, not one per recipient); should a
	 * key be taken already (a chunk run again, the same list uploaded again, another instance), they are inserted
	 * one by one instead and the batch mails only those whose marker carries its own token. The messages go out
	 * together ({@link Mailer#sendAll}); the markers of those that could not be sent are removed, so the next
	 * upload of the list sends them.
	 */
	public Mono<Void> sendOnce(Map<String, IssuedAssertion> awards) {
		if (awards.isEmpty()) {
			return Mono.empty();
		}
		String claim = UUID.randomUUID().toString();
		Instant now = clock.instant();
		List<Sent> markers = awards.entrySet().stream()
			.map(e -> new Sent(e.getKey(), e.getValue().id(), now, claim))
			.toList();
		return mongo.insertAll(markers)
			.map(Sent::awardKey)
			.collect(Collectors.toSet())
			.onErrorResume(DataAccessException.class, ex -> Flux.fromIterable(markers)
				.concatMap(marker -> mongo.insert(marker).onErrorResume(DuplicateKeyException.class, dup -> Mono.empty()))
				.then(mongo.find(Query.query(Criteria.where("_id").in(awards.keySet()).and("claim").is(claim)), Sent.class)
					.map(Sent::awardKey)
					.collect(Collectors.toSet())))
			.flatMap(mine -> send(awards, mine, claim));
	}

	private Mono<Void> send(Map<String, IssuedAssertion> awards, Set<String> mine, String claim) {
		if (mine.isEmpty()) {
			return Mono.empty();
		}
		List<String> unwritten = new ArrayList<>();
		return Flux.fromIterable(awards.entrySet())
			.filter(award -> mine.contains(award.getKey()))
			.concatMap(award -> message(award.getValue()).map(mail -> Map.entry(mail, award.getKey()))
				.onErrorResume(ex -> {
					log.warn("Could not write the mail of award {}: {}", award.getKey(), ex.toString());
					unwritten.add(award.getKey());
					return Mono.empty();
				}))
			// each message names its own assertion, so no two are equal
			.collectMap(Map.Entry::getKey, Map.Entry::getValue, LinkedHashMap::new)
			.flatMap(keys -> mailer.sendAll(new ArrayList<>(keys.keySet()))
				.map(failed -> {
					List<String> notSent = new ArrayList<>(unwritten);
					failed.forEach(mail -> notSent.add(keys.get(mail)));
					return notSent;
				}))
			.onErrorResume(ex -> {
				log.warn("Could not mail {} awards to their recipients: {}", mine.size(), ex.toString());
				return Mono.just(List.copyOf(mine));
			})
			.flatMap(notSent -> notSent.isEmpty() ? Mono.empty() : unmark(notSent, claim));
	}

	/** Removes this batch's markers of messages that did not go out, so a later upload of the list sends them. */
	private Mono<Void> unmark(List<String> awardKeys, String claim) {
		log.warn("Could not mail {} awards to their recipients; uploading the list again sends them", awardKeys.size());
		return mongo.remove(Query.query(Criteria.where("_id").in(awardKeys).and("claim").is(claim)), Sent.class).then();
	}

	/** In the recipient's language when they have an account and chose one, else the district's default. */
	private Mono<OutgoingMail> message(IssuedAssertion a) {
		Mono<String> chosen = a.personId() == null ? Mono.just("")
				: people.findById(a.personId()).map(p -> p.language() == null ? "" : p.language()).defaultIfEmpty("");
		return documents.badgeContext(a.badgeClassId()).zipWith(chosen).map(found -> {
			var ctx = found.getT1();
			Language language = Language.first(found.getT2(), ctx.district().language());
			String badge = ctx.template().in(language).badgeName(a.tierKey());
			String district = ctx.district().name();
			String greeting = a.recipientName() == null ? language.text("issuing.mail.award.hello")
					: language.text("issuing.mail.award.hello-name", a.recipientName());
			// the links carry the mail's language, so the page and the certificate open (and reload) in it whatever
			// the browser asks for; the page's switch still offers the other language
			String lang = "?" + Language.PARAMETER + "=" + language.code();
			String text = greeting + language.text("issuing.mail.award.text", district, badge,
					urls.assertion(a.id()) + lang, urls.certificate(a.id()) + lang);
			return new OutgoingMail(a.recipientEmail(),
					oneLine(language.text("issuing.mail.award.subject", badge, district)), text);
		});
	}

	/** District-authored names go into a header: no line break may start another header. */
	private static String oneLine(String text) {
		return LINE_BREAKS.matcher(text).replaceAll(" ").strip();
	}

}
