package org.cairn.evidence;

import java.time.Clock;

import org.cairn.account.CairnUser;
import reactor.core.publisher.Mono;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;

/** Records every read of evidence by someone other than its owner. */
@Component
class Audit {

	private final ReactiveMongoTemplate mongo;

	private final Clock clock;

	Audit(ReactiveMongoTemplate mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
	}

	Mono<Void> read(CairnUser reader, Evidence piece, String action, String range) {
		if (reader.personId().equals(piece.personId())) {
			return Mono.empty();
		}
		return mongo.insert(new AuditEntry(null, piece.districtId(), reader.personId(), piece.personId(),
				piece.enrollmentId(), piece.id(), action, range, clock.instant()))
			.then();
	}

}
