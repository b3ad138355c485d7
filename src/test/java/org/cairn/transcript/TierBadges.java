package org.cairn.transcript;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.cairn.account.Person;
import org.cairn.award.Award;
import org.cairn.award.AwardGranted;
import org.cairn.award.AwardRepository;
import org.cairn.template.Template;

import org.springframework.context.ApplicationEventPublisher;

/** Tier badges for the transcript, identity, renewal and Spanish tests, issued through the real path. */
final class TierBadges {

	private TierBadges() {
	}

	/**
	 * Records an award of one tier, announces it as the review would, and answers the assertion id once issuing
	 * linked it. A district's first badge waits for its signing key (RSA-3072), slow on a busy machine: up to 2 min.
	 */
	static String issue(AwardRepository awards, ApplicationEventPublisher events, String tag, Person teacher,
			Template template, String tierKey) throws InterruptedException {
		Award award = awards.save(new Award(null, tag + ":" + UUID.randomUUID(), teacher.districtId(), teacher.id(),
				"enrol-" + UUID.randomUUID(), template.id(), tierKey, 0, Instant.now(), List.of(), null, null)).block();
		events.publishEvent(new AwardGranted(award.id()));
		for (int i = 0; i < 2400; i++) {
			String assertionId = awards.findById(award.id()).block().assertionId();
			if (assertionId != null) {
				return assertionId;
			}
			Thread.sleep(50);
		}
		throw new AssertionError("award " + award.id() + " was not issued");
	}

}
