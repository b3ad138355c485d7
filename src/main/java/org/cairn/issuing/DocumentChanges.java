package org.cairn.issuing;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * For features whose data appears in a district's public Open Badges documents (endorsements on its badge classes
 * and issuer profile): tells every instance to drop the district's cached documents, here at once and elsewhere by
 * the per-district generation they poll.
 */
@Component
public class DocumentChanges {

	private final Generations generations;

	DocumentChanges(Generations generations) {
		this.generations = generations;
	}

	public Mono<Void> changed(String districtId) {
		generations.changedHere(districtId);
		return generations.bumpDroppedHere(districtId);
	}

}
