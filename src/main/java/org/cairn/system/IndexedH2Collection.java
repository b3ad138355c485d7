package org.cairn.system;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.Spliterator;
import java.util.concurrent.atomic.LongAdder;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DocumentWithPosition;
import de.bwaldvogel.mongo.backend.DocumentComparator;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * mongo-java-server's H2 collection reading through the indexes the way MongoDB does, where the original uses one
 * only when a query names exactly a unique index's fields (and otherwise reads every document): {@link IndexPlanner}
 * chooses a unique index whose every field the query fixes, or the {@link SecondaryIndex} (or a compound unique
 * index's ordered entries) whose leading fields it fixes, narrowed by a range on the next field; this class reads
 * what the plan names, in index order when the sort follows the index (a limit then stops the read). An aggregation
 * whose pipeline starts with a {@code $match} reads the documents that match's plan names
 * ({@link #matchingNextAggregation}) instead of the whole collection. Every candidate is still matched against the
 * whole query and sorted by the whole sort, so answers are the same as a scan's; only the documents read differ
 * ({@link #DOCUMENTS_READ} counts them).
 */
final class IndexedH2Collection extends H2Collection {

	private static final Logger log = LoggerFactory.getLogger(IndexedH2Collection.class);

	/** Documents read from the store file by every collection since start (a metric for the scale measurement). */
	static final LongAdder DOCUMENTS_READ = new LongAdder();

	/** This collection's own count ({@link DocumentsRead}), looked up once. */
	private volatile LongAdder readHere;

	private void read(long documents) {
		DOCUMENTS_READ.add(documents);
		LongAdder here = readHere;
		if (here == null) {
			here = DocumentsRead.of(getCollectionName());
			readHere = here;
		}
		here.add(documents);
	}

	private final MVMap<Object, Document> data;

	/**
	 * The leading {@code $match} of the aggregation this thread is running, by collection: the aggregation reads its
	 * source through {@link #queryAllAsStream()}, which knows nothing of the pipeline (set by
	 * {@link IndexedH2Database} around an aggregate command, which runs on this thread).
	 */
	private static final ThreadLocal<Map.Entry<String, Document>> AGGREGATE_MATCH = new ThreadLocal<>();

	static void matchingNextAggregation(String collection, Document match) {
		if (match == null) {
			AGGREGATE_MATCH.remove();
		}
		else {
			AGGREGATE_MATCH.set(Map.entry(collection, match));
		}
	}

	IndexedH2Collection(MongoDatabase database, String name, CollectionOptions options,
			MVMap<Object, Document> data, MVMap<String, Object> meta, CursorRegistry cursors) {
		super(database, name, options, data, meta, cursors);
		this.data = data;
	}

	/**
	 * Builds a secondary index declared on a collection that already holds documents, once (it is kept in the store
	 * file), reading the documents one key after the other: the original reads them through one iterator over the
	 * whole collection, and an iterator that lives longer than the store keeps old versions (45 s; a build of a
	 * large index on a loaded machine) fails with "Chunk … not found" once the writes of the build reuse its space.
	 * A unique index whose build failed is emptied again, so a later attempt builds it anew.
	 */
	@Override
	public void addIndex(Index<Object> index) {
		boolean registered = getIndexes().stream().anyMatch(i -> i.getName().equals(index.getName()));
		SecondaryIndex entries = index instanceof SecondaryIndex secondary ? secondary
				: index instanceof UniqueIndex unique ? unique.prefixes() : null;
		if (entries != null && entries.isEmpty() && count() > 0 && !registered) {
			log.info("Building index {} of {} over {} documents (once; it is kept in the store file)",
					entries.getName(), getCollectionName(), count());
			for (Object key = data.firstKey(); key != null; key = data.higherKey(key)) {
				Document document = data.get(key);
				if (document != null) {
					entries.add(document, key, this);
				}
			}
		}
		boolean buildsUnique = index instanceof UniqueIndex && index.isEmpty() && !registered;
		try {
			super.addIndex(index);
		}
		catch (RuntimeException ex) {
			// A unique index whose build met duplicates keeps the entries it added before them in its map, which is
			// in the store file: the next createIndex found the map non-empty, took it as built and registered it
			// with the duplicates in place. Emptied, the next attempt builds it again (and fails again until the
			// duplicates are gone). Only a build is undone: a registered index's map is never touched.
			if (buildsUnique) {
				((UniqueIndex) index).clear();
			}
			throw ex;
		}
	}

	@Override
	protected Document getDocument(Object position) {
		read(1);
		return super.getDocument(position);
	}

	@Override
	protected Stream<DocumentWithPosition<Object>> streamAllDocumentsWithPosition() {
		return super.streamAllDocumentsWithPosition().peek(d -> read(1));
	}

	/** A scan: every document of the collection is read. */
	@Override
	protected QueryResult matchDocuments(Document query, Document orderBy, int skip, int limit, int batchSize,
			Document fieldSelector) {
		read(count());
		return super.matchDocuments(query, orderBy, skip, limit, batchSize, fieldSelector);
	}

	/**
	 * The source of an aggregation: when its pipeline starts with a {@code $match} on this collection, only the
	 * documents that match's plan reads (the stage itself still filters them, so the answer is unchanged).
	 */
	@Override
	public Stream<Document> queryAllAsStream() {
		Map.Entry<String, Document> match = AGGREGATE_MATCH.get();
		if (match == null || !match.getKey().equals(getCollectionName()) || match.getValue().isEmpty()) {
			return super.queryAllAsStream();
		}
		AGGREGATE_MATCH.remove(); // one source per aggregation: a $lookup reading another collection gets the whole
		return StreamSupport.stream(queryDocuments(match.getValue(), null, 0, 0, 0, null).spliterator(), false);
	}

	@Override
	protected QueryResult queryDocuments(Document query, Document orderBy, int skip, int limit, int batchSize,
			Document fieldSelector) {
		if (query == null || query.isEmpty() || IndexPlanner.natural(orderBy)) {
			return super.queryDocuments(query, orderBy, skip, limit, batchSize, fieldSelector);
		}
		IndexPlanner.Lookup lookup = IndexPlanner.uniqueLookup(getIndexes(), query);
		if (lookup != null) {
			return matchDocuments(query, lookup.index().getPositions(lookup.values()), orderBy, skip, limit,
					batchSize, fieldSelector);
		}
		IndexPlanner.Plan best = IndexPlanner.best(getIndexes(), query, orderBy);
		if (best == null) {
			return super.queryDocuments(query, orderBy, skip, limit, batchSize, fieldSelector);
		}
		if (!best.ordered()) {
			List<Object> positions = new ArrayList<>();
			Set<Object> seen = new HashSet<>();
			best.index().range(best.from(), best.to(), false).forEachRemaining(e -> {
				if (seen.add(e.position())) {
					positions.add(e.position());
				}
			});
			return matchDocuments(query, positions, orderBy, skip, limit, batchSize, fieldSelector);
		}
		Iterator<Document> documents = new InOrder(best, orderBy == null || orderBy.isEmpty() ? null
				: new DocumentComparator(orderBy));
		return matchDocumentsFromStream(query,
				StreamSupport.stream(Spliterators.spliteratorUnknownSize(documents, Spliterator.ORDERED), false), skip,
				limit, batchSize, null, fieldSelector);
	}

	/**
	 * The documents under a plan's prefix in index order; documents tied on the index's sort fields are sorted by
	 * the whole sort (a later tie-breaker such as {@code _id}). Lazy, so a limit stops the reading.
	 */
	private final class InOrder implements Iterator<Document> {

		private final Iterator<SecondaryIndex.Entry> entries;

		private final int groupComponents;

		private final Comparator<Document> comparator;

		private final Set<Object> seen = new LinkedHashSet<>();

		private final boolean dedupe;

		private final Deque<Document> ready = new ArrayDeque<>();

		private SecondaryIndex.Entry pending;

		InOrder(IndexPlanner.Plan plan, Comparator<Document> comparator) {
			this.entries = plan.index().range(plan.from(), plan.to(), plan.reverse());
			this.groupComponents = plan.fixed() + plan.sortFields();
			this.comparator = comparator;
			this.dedupe = plan.index().multikey();
		}

		@Override
		public boolean hasNext() {
			fill();
			return !ready.isEmpty();
		}

		@Override
		public Document next() {
			if (!hasNext()) {
				throw new NoSuchElementException();
			}
			return ready.poll();
		}

		private void fill() {
			while (ready.isEmpty() && (pending != null || entries.hasNext())) {
				SecondaryIndex.Entry first = pending != null ? pending : entries.next();
				pending = null;
				List<Document> group = new ArrayList<>();
				add(group, first);
				if (comparator != null) {
					String tie = IndexOrder.head(first.key(), groupComponents);
					while (entries.hasNext()) {
						SecondaryIndex.Entry entry = entries.next();
						if (!entry.key().startsWith(tie)) { // components delimit themselves: same leading values
							pending = entry;
							break;
						}
						add(group, entry);
					}
					if (group.size() > 1) {
						group.sort(comparator);
					}
				}
				ready.addAll(group);
			}
		}

		private void add(List<Document> group, SecondaryIndex.Entry entry) {
			if (dedupe && !seen.add(entry.position())) {
				return;
			}
			Document document = getDocument(entry.position());
			if (document != null) { // removed since the entry was read
				group.add(document);
			}
		}

	}

}
