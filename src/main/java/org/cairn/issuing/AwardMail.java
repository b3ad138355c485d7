package org.cairn.issuing;

import java.time.Clock;
import java.time.Instant;

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

	AwardMail(ReactiveMongoTemplate mongo, Mailer mailer, PublicDocuments documents, PublicUrls urls, Clock clock) {
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

	private Mono<OutgoingMail> message(IssuedAssertion a) {
		return documents.badgeContext(a.badgeClassId()).map(ctx -> {
			String badge = ctx.template().badgeName(a.tierKey());
			String district = ctx.district().name();
			String greeting = a.recipientName() == null ? "Hello," : "Hello " + a.recipientName() + ",";
			String text = greeting + "\n\n" + district + " has awarded you the microcredential \"" + badge + "\".\n\n"
					+ "Your badge (share this link; anyone can check it is genuine):\n" + urls.assertion(a.id())
					+ "\n\nYour certificate (PDF):\n" + urls.certificate(a.id()) + "\n\n"
					+ "If you have a Cairn account, the badge is also under My badges.\n";
			return new OutgoingMail(a.recipientEmail(), oneLine("You earned \"" + badge + "\" from " + district), text);
		});
	}

	/** District-authored names go into a header: no line break may start another header. */
	private static String oneLine(String text) {
		return text.replaceAll("[\\r\\n\\t]+", " ").strip();
	}

}
