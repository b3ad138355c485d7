package org.cairn.system;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
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
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * mongo-java-server's H2 collection with a query planner that uses indexes the way MongoDB does, where the original
 * uses one only when a query names exactly a unique index's fields (and otherwise reads every document):
 * <ul>
 * <li>a unique index (or {@code _id}) whose every field the query fixes answers it even when the query has more
 * conditions, such as {@code {_id, districtId}};</li>
 * <li>otherwise the {@link SecondaryIndex} whose leading fields the query fixes and that holds the fewest entries
 * under them, narrowed by a range ({@code $gt}, {@code $gte}, {@code $lt}, {@code $lte}) on the next field; when the
 * sort follows the index's next fields, documents are read in index order and the read stops at the limit;</li>
 * <li>a compound unique index serves its leading fields the same way, through the ordered copy of its entries it
 * keeps ({@link UniqueIndex#prefixes()}).</li>
 * </ul>
 * Conditions under a top-level {@code $and} count as fixed too (the planner tries each one: a search for several
 * words reads the documents of its rarest word), and an aggregation whose pipeline starts with a {@code $match} reads
 * the documents that match's plan names ({@link #matchingNextAggregation}) instead of the whole collection.
 * Every candidate is still matched against the whole query and sorted by the whole sort, so answers are the same as
 * a scan's; only the documents read differ ({@link #DOCUMENTS_READ} counts them).
 */
final class IndexedH2Collection extends H2Collection {

	private static final Logger log = LoggerFactory.getLogger(IndexedH2Collection.class);

	/** Below this many entries under a prefix, reading them all and sorting in memory is cheap. */
	private static final int SMALL = 1_000;

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
		if (query == null || query.isEmpty() || natural(orderBy)) {
			return super.queryDocuments(query, orderBy, skip, limit, batchSize, fieldSelector);
		}
		for (Index<Object> index : getIndexes()) {
			Document lookup = index.isUnique() ? uniqueLookup(index, query) : null;
			if (lookup != null && index.canHandle(lookup)) {
				return matchDocuments(query, index.getPositions(lookup), orderBy, skip, limit, batchSize,
						fieldSelector);
			}
		}
		Plan best = null;
		for (Document conditions : conjunctions(query)) {
			for (Index<Object> index : getIndexes()) {
				SecondaryIndex entries = index instanceof SecondaryIndex secondary ? secondary
						: index instanceof UniqueIndex unique ? unique.prefixes() : null;
				if (entries != null) {
					Plan plan = Plan.of(entries, conditions, orderBy);
					if (plan != null && (best == null || plan.betterThan(best))) {
						best = plan;
					}
				}
			}
		}
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
	 * The query, and the query with each plain condition of its top-level {@code $and} in place of the same field's
	 * condition: {@code {districtId: d, words: "ann", $and: [{words: "lee"}]}} can be answered from the index entries
	 * under {@code (d, "ann")} or under {@code (d, "lee")}, whichever are fewer.
	 */
	private static List<Document> conjunctions(Document query) {
		List<Document> candidates = new ArrayList<>();
		candidates.add(query);
		if (query.get("$and") instanceof List<?> conditions) {
			for (Object condition : conditions) {
				if (condition instanceof Document plain && plain.keySet().stream().noneMatch(k -> k.startsWith("$"))) {
					Document candidate = new Document(query);
					candidate.remove("$and");
					candidate.putAll(plain);
					candidates.add(candidate);
				}
			}
		}
		return candidates;
	}

	private static boolean natural(Document orderBy) {
		return orderBy != null && orderBy.containsKey("$natural");
	}

	/** The part of the query a unique index answers by equality, or null when it fixes not all its fields. */
	private static Document uniqueLookup(Index<Object> index, Document query) {
		Document lookup = new Document();
		List<IndexKey> keys = index.getKeys();
		for (IndexKey key : keys) {
			Object value = query.get(key.getKey());
			if (IndexOrder.isEqualityValue(value) || keys.size() == 1 && isIn(value)) {
				lookup.put(key.getKey(), value);
			}
			else {
				return null;
			}
		}
		return lookup;
	}

	private static boolean isIn(Object value) {
		return value instanceof Document operator && operator.size() == 1
				&& operator.get("$in") instanceof Collection<?> values
				&& values.stream().allMatch(IndexOrder::isEqualityValue);
	}

	/**
	 * A secondary index with the query fixing its first {@code fixed} fields, its entries read from {@code from} to
	 * {@code to} (the fixed values, and a range on the next field when the query has one). Ordered when the documents
	 * in that range, read in index order (or reversed), come in the query's sort order, up to ties on the sort's later
	 * fields ({@code sortFields} of the index's fields follow the sort).
	 */
	private record Plan(SecondaryIndex index, String from, String to, int fixed, boolean ranged, int sortFields,
			boolean reverse, boolean ordered, int count) {

		static Plan of(SecondaryIndex index, Document query, Document orderBy) {
			List<String> fields = index.fields();
			List<Object> values = new ArrayList<>();
			while (values.size() < fields.size() && fixes(query, fields.get(values.size()), index)) {
				values.add(query.get(fields.get(values.size())));
			}
			int fixed = values.size();
			// a range on an array field matches a document whose elements meet the bounds separately: no range then
			Range range = fixed < fields.size() && !index.multikey() ? Range.of(query.get(fields.get(fixed))) : null;
			if (values.isEmpty() && range == null) {
				return null;
			}
			String prefix = SecondaryIndex.prefix(values);
			String from = range == null ? prefix : prefix + range.from();
			String to = range == null ? prefix + IndexOrder.END : prefix + range.to();
			int count = index.count(from, to, SMALL + 1);
			if (orderBy == null || orderBy.isEmpty()) {
				return new Plan(index, from, to, fixed, range != null, 0, false, true, count);
			}
			int sortFields = 0;
			Boolean descending = null;
			for (Map.Entry<String, Object> sort : orderBy.entrySet()) {
				int at = fixed + sortFields;
				boolean desc = sort.getValue() instanceof Number n && n.doubleValue() < 0;
				if (at >= fields.size() || !fields.get(at).equals(sort.getKey())
						|| descending != null && descending != desc) {
					break;
				}
				descending = desc;
				sortFields++;
			}
			boolean ordered = sortFields > 0 && !index.multikey();
			return new Plan(index, from, to, fixed, range != null, sortFields, Boolean.TRUE.equals(descending),
					ordered, count);
		}

		/**
		 * Whether the query fixes the field to one value the index holds: a plain value, or null (null or missing,
		 * both indexed as null) unless the index holds arrays, where null means more, or is sparse, where the
		 * documents without the field have no entry.
		 */
		private static boolean fixes(Document query, String field, SecondaryIndex index) {
			Object value = query.get(field);
			return IndexOrder.isEqualityValue(value)
					|| value == null && query.containsKey(field) && !index.multikey() && !index.sparse();
		}

		/** Fewer documents to read wins while they are few; past that, reading in sort order and stopping early. */
		boolean betterThan(Plan other) {
			if (count <= SMALL || other.count <= SMALL) {
				return count != other.count ? count < other.count : ordered && !other.ordered;
			}
			if (ordered != other.ordered) {
				return ordered;
			}
			return fixed != other.fixed ? fixed > other.fixed : ranged && !other.ranged;
		}

	}

	/**
	 * The encoded bounds of a range condition ({@code $gt}, {@code $gte}, {@code $lt}, {@code $lte}) on one field,
	 * within the type of its values as MongoDB's ranges are ({@code {$gt: date}} matches dates only): the entries
	 * between them are those whose value meets the condition (the query still decides each document).
	 */
	private record Range(String from, String to) {

		static Range of(Object condition) {
			if (!(condition instanceof Document operators) || operators.isEmpty()) {
				return null;
			}
			String lower = null;
			String upper = null;
			Character type = null;
			for (Map.Entry<String, Object> operator : operators.entrySet()) {
				if (!IndexOrder.isEqualityValue(operator.getValue())) {
					return null;
				}
				StringBuilder encoded = new StringBuilder();
				IndexOrder.append(encoded, operator.getValue());
				String bound = encoded.toString();
				if (type != null && type != bound.charAt(0)) {
					return null;
				}
				type = bound.charAt(0);
				// an entry is its value's encoding then the position's: value + END is above every entry of the value
				switch (operator.getKey()) {
					case "$gte" -> lower = max(lower, bound);
					case "$gt" -> lower = max(lower, bound + IndexOrder.END);
					case "$lte" -> upper = min(upper, bound + IndexOrder.END);
					case "$lt" -> upper = min(upper, bound);
					default -> {
						return null;
					}
				}
			}
			return new Range(lower != null ? lower : String.valueOf(type),
					upper != null ? upper : type + String.valueOf(IndexOrder.END));
		}

		private static String max(String a, String b) {
			return a == null || b.compareTo(a) > 0 ? b : a;
		}

		private static String min(String a, String b) {
			return a == null || b.compareTo(a) < 0 ? b : a;
		}

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

		InOrder(Plan plan, Comparator<Document> comparator) {
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
