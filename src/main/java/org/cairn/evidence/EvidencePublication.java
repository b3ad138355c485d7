package org.cairn.evidence;

import org.cairn.review.PublicEvidence;
import reactor.core.publisher.Flux;

import org.springframework.stereotype.Component;

/** Tells review which pieces the teacher chose to publish with a tier's badge. */
@Component
class EvidencePublication implements PublicEvidence {

	private final EvidenceRepository evidence;

	EvidencePublication(EvidenceRepository evidence) {
		this.evidence = evidence;
	}

	@Override
	public Flux<String> idsFor(String enrollmentId, String tierKey) {
		return evidence.findByEnrollmentIdAndTierKeyAndIsPublicTrueAndWithdrawnAtIsNull(enrollmentId, tierKey)
			.map(Evidence::id);
	}

}
