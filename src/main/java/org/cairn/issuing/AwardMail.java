package org.cairn.issuing;

import java.time.Clock;
import java.time.Instant;

import org.cairn.language.Language;
import org.cairn.mail.Mailer;
import org.cairn.mail.OutgoingMail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
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

	/** The marker that the award's message went out (or is going out). */
	@Document("issuing_award_mail")
	record Sent(@Id String awardKey, String assertionId, Instant sentAt) {
	}

	public Mono<Void> sendOnce(String awardKey, IssuedAssertion assertion) {
		return mongo.insert(new Sent(awardKey, assertion.id(), clock.instant()))
			.flatMap(marker -> message(assertion).flatMap(mailer::send)
				.onErrorResume(ex -> {
					log.warn("Could not mail the award {} to its recipient: {}", awardKey, ex.toString());
					return mongo.remove(marker).then();
				}))
			.onErrorResume(DuplicateKeyException.class, ex -> Mono.empty())
			.then();
	}

	/** In the recipient's language when they have an account and chose one, else the district's default. */
	private Mono<OutgoingMail> message(IssuedAssertion a) {
		Mono<String> chosen = a.personId() == null ? Mono.just("")
				: people.findById(a.personId()).map(p -> p.language() == null ? "" : p.language()).defaultIfEmpty("");
		return documents.badgeContext(a.badgeClassId()).zipWith(chosen).map(found -> {
			var ctx = found.getT1();
			Language language = Language.first(found.getT2(), ctx.district().language());
			String badge = ctx.template().badgeName(a.tierKey());
			String district = ctx.district().name();
			String greeting = a.recipientName() == null ? language.text("issuing.mail.award.hello")
					: language.text("issuing.mail.award.hello-name", a.recipientName());
			String text = greeting + language.text("issuing.mail.award.text", district, badge, urls.assertion(a.id()),
					urls.certificate(a.id()));
			return new OutgoingMail(a.recipientEmail(),
					oneLine(language.text("issuing.mail.award.subject", badge, district)), text);
		});
	}

	/** District-authored names go into a header: no line break may start another header. */
	private static String oneLine(String text) {
		return text.replaceAll("[\\r\\n\\t]+", " ").strip();
	}

}
