package org.cairn.practice;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One bucket of a search key's postings: the pieces under one key of one scope, e.g. {@code d:<district> c:FFT.C6}
 * or {@code pub w:fraction}, {@link #SIZE} to a bucket in the order they entered the key (a piece's place comes from
 * the key's counter, {@link PracticeKeyCount#seq()}, so concurrent shares never fight over a bucket). A search reads
 * its rarest key's buckets newest first and stops at the page's end: an inverted index of a few thousand documents
 * for 50,000 pieces, read in order from the {@code key_bucket} index (no secondary index on the pieces).
 *
 * @param id {@code key|bucket}
 */
@Document("practice_keys")
@CompoundIndex(name = "key_bucket", def = "{'key': 1, 'bucket': -1}")
record PracticeKey(@Id String id, String key, long bucket, List<Posting> postings) {

	static final int SIZE = 1000;

	PracticeKey {
		postings = postings == null ? List.of() : List.copyOf(postings);
	}

	static String id(String key, long bucket) {
		return key + "|" + bucket;
	}

	/** A piece under the key: its id, when it was shared, its district (to leave the reader's own out of Cairn's). */
	record Posting(String p, Instant t, String d) {
	}

}
