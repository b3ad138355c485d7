package org.cairn.practice;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One search entry: a piece under one key of one scope, e.g. {@code d:<district> c:FFT.C6} or {@code pub w:fraction}.
 * A search reads the entries of its rarest key newest first and stops at the page's end, so it needs only this
 * index (no secondary index on the pieces); the piece's other keys ride along to check the remaining filters.
 *
 * @param id {@code key|pieceId}: unique, so indexing a piece twice stores each entry once
 * @param facets every facet key of the piece (without the scope), to check the other filters of a search
 */
@Document("practice_keys")
@CompoundIndex(name = "key_shared", def = "{'key': 1, 'sharedAt': -1}")
record PracticeKey(@Id String id, String key, Instant sharedAt, String pieceId, String districtId,
		List<String> facets) {

	static String id(String key, String pieceId) {
		return key + "|" + pieceId;
	}

}
