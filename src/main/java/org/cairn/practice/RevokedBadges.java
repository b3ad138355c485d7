package org.cairn.practice;

import org.cairn.award.Awards;
import org.cairn.issuing.AssertionRevoked;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A revoked badge takes the pieces its evidence produced out of the library: a tier's badge those of its tier, the
 * whole microcredential's badge those of the whole enrolment. Idempotent: a repeated revocation finds nothing left.
 */
@Component
class RevokedBadges {

	private static final Logger log = LoggerFactory.getLogger(RevokedBadges.class);

	private final Awards awards;

	private final PracticeLibrary library;

	RevokedBadges(Awards awards, PracticeLibrary library) {
		this.awards = awards;
		this.library = library;
	}

	@EventListener
	void on(AssertionRevoked revoked) {
		withdraw(revoked).subscribe(n -> {
			if (n > 0) {
				log.info("Badge {} revoked: {} practice pieces withdrawn", revoked.assertionId(), n);
			}
		}, error -> log.warn("Withdrawing the practice pieces of revoked badge {} failed; revoking it again retries",
				revoked.assertionId(), error));
	}

	Mono<Long> withdraw(AssertionRevoked revoked) {
		if (revoked.awardId() == null) {
			return Mono.just(0L); // a bulk award: no evidence behind it
		}
		return awards.byId(revoked.awardId())
			.filter(a -> a.enrollmentId() != null)
			.flatMap(a -> library.withdrawFrom(revoked.districtId(), a.enrollmentId(), revoked.tierKey()))
			.defaultIfEmpty(0L);
	}

}
