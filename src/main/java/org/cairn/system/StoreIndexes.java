package org.cairn.system;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.stream.StreamSupport;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.IndexResolver;
import org.springframework.data.mongodb.core.index.MongoPersistentEntityIndexResolver.IndexDefinitionHolder;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;
import org.springframework.stereotype.Component;

/**
 * The store's indexes as a start-up step of their own (issue 14), on the embedded store and on MongoDB alike.
 * Spring Data's automatic index creation is off ({@code spring.data.mongodb.auto-index-creation: false}): it sent
 * every {@code createIndex} at once, in the background, over as many new connections, and readiness did not wait
 * for any of them (on a loaded machine about 30 timed out and the service became ready without them).
 * <ul>
 * <li><b>Unique indexes</b> are the exactly-once keys (one account per email, one award per key, one slug per
 * district): they are created one after the other, over one connection, by the first start-up runner, so the other
 * runners (first administrator, demo data) and readiness come after them. While one cannot be created (the store
 * holds duplicates, or does not answer) readiness stays DOWN, the reason is logged and the step is retried with a
 * growing pause (up to a minute); once it succeeds the start goes on.</li>
 * <li><b>Other indexes</b> only make queries fast: they are created after readiness, in the background, each retried
 * on its own with a growing pause (up to ten minutes) and logged, never holding up the start. On the embedded store
 * building a new one over a large collection (once, after an upgrade that declares it) holds other commands for as
 * long as it takes.</li>
 * </ul>
 * Creating an index that exists is a no-op on both stores, so every start sends them all.
 */
@Component
class StoreIndexes implements ApplicationRunner, Ordered, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(StoreIndexes.class);

	private final ReactiveMongoTemplate mongo;

	private final List<IndexDefinitionHolder> unique;

	private final List<IndexDefinitionHolder> secondary;

	private volatile CompletableFuture<Void> uniqueDone;

	private volatile Disposable secondaryRun;

	StoreIndexes(ReactiveMongoTemplate mongo, MongoMappingContext mapping) {
		this.mongo = mongo;
		List<IndexDefinitionHolder> declared = declared(mapping);
		this.unique = declared.stream().filter(StoreIndexes::isUnique).toList();
		this.secondary = declared.stream().filter(index -> !isUnique(index)).toList();
	}

	/** Every index the {@code @Document} types declare ({@code @Indexed}, {@code @CompoundIndex}, TTL). */
	private static List<IndexDefinitionHolder> declared(MongoMappingContext mapping) {
		IndexResolver resolver = IndexResolver.create(mapping);
		return mapping.getPersistentEntities()
			.stream()
			.filter(entity -> entity.isAnnotationPresent(org.springframework.data.mongodb.core.mapping.Document.class))
			.flatMap(entity -> StreamSupport.stream(resolver.resolveIndexFor(entity.getTypeInformation()).spliterator(),
					false))
			.map(IndexDefinitionHolder.class::cast)
			.toList();
	}

	private static boolean isUnique(IndexDefinitionHolder index) {
		return Boolean.TRUE.equals(index.getIndexOptions().get("unique"));
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

	/** Waits, at start, until every unique index exists: the runners after this one and readiness rely on them. */
	@Override
	public void run(ApplicationArguments args) throws InterruptedException {
		long started = System.nanoTime();
		CompletableFuture<Void> done = Flux.fromIterable(unique)
			.concatMap(this::create)
			.then()
			.doOnError(ex -> log.error("The store has not created every unique index yet, so Cairn is not ready: {} "
					+ "Trying again shortly.", ex.getMessage()))
			.retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofSeconds(1)).maxBackoff(Duration.ofMinutes(1)))
			.toFuture();
		uniqueDone = done;
		try {
			done.get();
		}
		catch (CancellationException ex) {
			throw new IllegalStateException("Stopped before the store's unique indexes existed", ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("The store's unique indexes could not be created", ex.getCause());
		}
		log.debug("{} unique indexes in place after {} ms", unique.size(), (System.nanoTime() - started) / 1_000_000);
	}

	/** Once the service is ready: the indexes that only make queries fast, each on its own, in the background. */
	@EventListener(ApplicationReadyEvent.class)
	void createSecondaryIndexes() {
		secondaryRun = Flux.fromIterable(secondary)
			.concatMap(index -> create(index)
				.doOnError(ex -> log.warn("The store did not create the index {} of {} (queries using it read more "
						+ "until it exists); trying again later: {}", index.getIndexKeys().toJson(),
						index.getCollection(), ex.getMessage()))
				.retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofSeconds(1)).maxBackoff(Duration.ofMinutes(10))))
			.then()
			.subscribe(done -> {
			}, ex -> log.warn("Creating the store's other indexes stopped: {}", ex.getMessage()),
					() -> log.debug("{} other indexes in place", secondary.size()));
	}

	private Mono<String> create(IndexDefinitionHolder index) {
		return mongo.indexOps(index.getCollection())
			.createIndex(index)
			.onErrorMap(ex -> new IllegalStateException(
					"index " + index.getIndexKeys().toJson() + " of " + index.getCollection()
							+ (isUnique(index) ? " (unique)" : "") + ": " + ex.getMessage(),
					ex));
	}

	/** Stops waiting and retrying when the service stops (a start that never became ready can still be stopped). */
	@Override
	public void destroy() {
		CompletableFuture<Void> waiting = uniqueDone;
		if (waiting != null) {
			waiting.cancel(true);
		}
		Disposable running = secondaryRun;
		if (running != null) {
			running.dispose();
		}
	}

	/** For tests: the declared indexes, by whether they are unique, as {@code {collection, key}}. */
	List<Document> declared(boolean uniqueOnes) {
		return (uniqueOnes ? unique : secondary).stream()
			.map(index -> new Document("collection", index.getCollection()).append("key", index.getIndexKeys()))
			.toList();
	}

}
