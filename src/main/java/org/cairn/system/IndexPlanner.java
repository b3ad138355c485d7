package org.cairn.system;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.bson.Document;

/**
 * How the embedded store reads a query, the way MongoDB plans one with the same indexes (mongo-java-server uses an
 * index only when a query names exactly a unique index's fields): {@link #uniqueLookup} finds a unique index (or
 * {@code _id}) whose every field the query fixes, even under further conditions; otherwise {@link #best} chooses
 * the {@link SecondaryIndex} (or a compound unique index's ordered entries, {@link UniqueIndex#prefixes()}) whose
 * leading fields the query fixes, narrowed by a range on the next field, holding the fewest entries under them or
 * reading in the sort's order so a limit stops the read. {@link IndexedH2Collection} reads what the plan names and
 * still matches and sorts every candidate by the whole query, so a plan changes only what is read.
 */
final class IndexPlanner {

	/** Below this many entries under a prefix, reading them all and sorting in memory is cheap. */
	static final int SMALL = 1_000;

	private IndexPlanner() {
	}

	/** A unique index and the values of its fields the query fixes (a plain value each, or {@code $in} on one). */
	record Lookup(Index<Object> index, Document values) {
	}

	/** The unique index that answers the query by equality on all its fields, or null when none does. */
	static Lookup uniqueLookup(Collection<Index<Object>> indexes, Document query) {
		for (Index<Object> index : indexes) {
			Document values = index.isUnique() ? lookupIn(index, query) : null;
			if (values != null && index.canHandle(values)) {
				return new Lookup(index, values);
			}
		}
		return null;
	}

	/**
	 * The best plan over ordered entries (secondary indexes and compound unique indexes' prefixes) for the query or
	 * any of its {@link #conjunctions}, or null when no index's leading field is fixed (a scan then).
	 */
	static Plan best(Collection<Index<Object>> indexes, Document query, Document orderBy) {
		Plan best = null;
		for (Document conditions : conjunctions(query)) {
			for (Index<Object> index : indexes) {
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
		return best;
	}

	/**
	 * The query, and the query with each plain condition of its top-level {@code $and} in place of the same field's
	 * condition: {@code {districtId: d, words: "ann", $and: [{words: "lee"}]}} can be answered from the index entries
	 * under {@code (d, "ann")} or under {@code (d, "lee")}, whichever are fewer.
	 */
	static List<Document> conjunctions(Document query) {
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

	/** A {@code $natural} sort: the collection's own order, which no index gives. */
	static boolean natural(Document orderBy) {
		return orderBy != null && orderBy.containsKey("$natural");
	}

	/** The part of the query a unique index answers by equality, or null when it fixes not all its fields. */
	private static Document lookupIn(Index<Object> index, Document query) {
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
	record Plan(SecondaryIndex index, String from, String to, int fixed, boolean ranged, int sortFields,
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
			// arrays in fields fixed by equality leave the order of the later fields intact (repeats are skipped)
			boolean ordered = sortFields > 0
					&& fields.subList(fixed, fixed + sortFields).stream().noneMatch(index::multikey);
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

}
