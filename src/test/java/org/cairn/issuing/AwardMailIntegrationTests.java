package org.cairn.issuing;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.cairn.account.PersonRepository;
import org.cairn.district.District;
import org.cairn.mail.Mailer;
import org.cairn.mail.OutgoingMail;
import org.cairn.people.MailLinks;
import org.cairn.support.IntegrationTest;
import org.cairn.system.CairnProperties;
import org.cairn.template.Template;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A bulk chunk's award mail goes out in one batch (one store command for the chunk's markers): still exactly one
 * message per award key when part of the chunk was mailed by an earlier run, when the chunk runs again, and when the
 * mail server refused some messages (those go out on the next run, the others not twice).
 */
@Import(IssuingFixtures.class)
class AwardMailIntegrationTests extends IntegrationTest {

	@Autowired
	PersonRepository people;

	@Autowired
	IssuingFixtures fixtures;

	@Autowired
	Issuance issuance;

	@Autowired
	Issuers issuers;

	@Autowired
	AwardMail awardMail;

	@Autowired
	Mailer mailer;

	@Autowired
	PublicDocuments documents;

	@Autowired
	PublicUrls urls;

	@Autowired
	ReactiveMongoTemplate mongo;

	@Autowired
	Clock clock;

	@Autowired
	CairnProperties cairn;

	@Test
	void aBatchMailsOnlyTheAwardsWhoseMessageHasNotGoneOutAndEachOnce() {
		District district = data.district();
		Map<String, IssuedAssertion> batch = issued(district, "once", 3);
		List<String> keys = List.copyOf(batch.keySet());
		MailLinks outbox = new MailLinks(cairn.dataDir());

		// an earlier run mailed the first award before it stopped
		awardMail.sendOnce(keys.get(0), batch.get(keys.get(0))).block();
		awardMail.sendOnce(batch).block();
		awardMail.sendOnce(batch).block();

		for (IssuedAssertion a : batch.values()) {
			List<MailLinks.Mail> mails = outbox.messages(a.recipientEmail());
			assertThat(mails).as("one message for " + a.recipientEmail()).hasSize(1);
			assertThat(mails.get(0).text()).contains(urls.assertion(a.id()));
		}
	}

	@Test
	void messagesTheMailServerRefusedGoOutOnTheNextRunAndTheOthersNotTwice() {
		District district = data.district();
		Map<String, IssuedAssertion> batch = issued(district, "refused", 3);
		IssuedAssertion refused = batch.values().stream().skip(1).findFirst().orElseThrow();
		MailLinks outbox = new MailLinks(cairn.dataDir());
		// a mail server that refuses one recipient this time (SMTP answers 4xx for one address of the batch)
		Mailer refusing = new Mailer() {
			@Override
			public Mono<Void> send(OutgoingMail mail) {
				return mail.to().equals(refused.recipientEmail())
						? Mono.error(new IllegalStateException("452 mailbox busy")) : mailer.send(mail);
			}
		};

		new AwardMail(mongo, refusing, documents, urls, clock, people).sendOnce(batch).block();
		assertThat(outbox.messages(refused.recipientEmail())).isEmpty();

		awardMail.sendOnce(batch).block();
		for (IssuedAssertion a : batch.values()) {
			assertThat(outbox.messages(a.recipientEmail())).as("one message for " + a.recipientEmail()).hasSize(1);
		}
	}

	private Map<String, IssuedAssertion> issued(District district, String tag, int count) {
		Template template = fixtures.template(district, null);
		BadgeClassRecord badge = issuers.badgeClass(district.id(), template.id(), null).block();
		Map<String, IssuedAssertion> batch = new LinkedHashMap<>();
		for (int i = 0; i < count; i++) {
			String email = tag + i + "." + district.slug() + "@outside.example.org";
			String key = "bulk:" + badge.id() + ":" + email;
			batch.put(key, issuance.issue(new Issuance.IssueRequest(key, district.id(), null,
					new Recipient(email, "Person " + i, null), badge, 0, null)).block());
		}
		return batch;
	}

}
