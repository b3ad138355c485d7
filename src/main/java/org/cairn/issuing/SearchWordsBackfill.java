package org.cairn.issuing;

import java.time.Clock;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Gives assertions issued before the recipient search had its own index their {@code searchWords}, once per store:
 * after the service is ready, in the background, 500 at a time (a search finds an old assertion once its batch has
 * passed), then a marker in {@code issuing_upgrades} says it is done, so later starts read nothing. Several instances
 * may run it at once: each sets the same words.
 */
@Component
class SearchWordsBackfill {

	private static final Logger log = LoggerFactory.getLogger(SearchWordsBackfill.class);

	static final String UPGRADES = "issuing_upgrades";

	static final String MARKER = "assertion-search-words";

	/** Short queries: no cursor lives long while the store is written. */
	private static final int BATCH = 500;

	private final ReactiveMongoTemplate mongo;

	private final Clock clock;

	SearchWordsBackfill(ReactiveMongoTemplate mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
	}

	@EventListener(ApplicationReadyEvent.class)
	void backfillOnce() {
		run().subscribe(count -> {
			if (count > 0) {
				log.info("Recipient search words added to {} assertions issued before the search index", count);
			}
		}, error -> log.warn("Adding recipient search words to older assertions failed; it runs again at the next start",
				error));
	}

	/** Batches of assertions without words, found through the {@code search_version} index, until none is left. */
	Mono<Long> run() {
		return mongo.exists(Query.query(Criteria.where("_id").is(MARKER)), UPGRADES).flatMap(done -> {
			if (done) {
				return Mono.just(0L);
			}
			return batch(0L).flatMap(count -> mongo
				.save(new Document("_id", MARKER).append("doneAt", java.util.Date.from(clock.instant())), UPGRADES)
				.thenReturn(count));
		});
	}

	private Mono<Long> batch(long sofar) {
		Query missing = Query.query(Criteria.where("searchVersion").is(null)).limit(BATCH);
		missing.fields().include("districtId", "recipientName", "recipientEmail");
		return mongo.find(missing, Document.class, IssuedAssertion.COLLECTION)
			.concatMap(row -> mongo.updateFirst(Query.query(Criteria.where("_id").is(row.get("_id"))),
					new Update()
						.set("searchWords",
								RecipientWords.of(row.getString("districtId"), row.getString("recipientName"),
										row.getString("recipientEmail")))
						.set("searchVersion", RecipientWords.VERSION),
					IssuedAssertion.COLLECTION))
			.count()
			.flatMap(count -> count < BATCH ? Mono.just(sofar + count) : batch(sofar + count));
	}

}
