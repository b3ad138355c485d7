package org.cairn.transcript;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What a teacher's badges count toward, as the transcript counts it, for features that restate it (the signed
 * learner record): the district's name for its credits, and each current badge's credits.
 */
public interface LearningHours {

	/** What the district's badges credit, e.g. "professional learning hours". */
	Mono<String> creditName(String districtId);

	/**
	 * The person's current badges (neither revoked nor expired), newest first, each with its credits; a renewal
	 * counts 0 (the hours were counted when the badge was first earned).
	 */
	Flux<BadgeHours> current(String districtId, String personId);

	/** One badge: its assertion id, its name as its BadgeClass carries it, its credits. */
	record BadgeHours(String assertionId, String name, double credits) {
	}

}
