package org.cairn.review;

import reactor.core.publisher.Flux;

/**
 * The evidence a teacher chose to publish with a tier's badge. Implemented by the evidence feature, so review
 * does not reach into evidence storage.
 */
public interface PublishedEvidenceIds {

	Flux<String> idsFor(String enrollmentId, String tierKey);

}
