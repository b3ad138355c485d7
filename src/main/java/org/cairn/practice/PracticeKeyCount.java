package org.cairn.practice;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A search key's counters: {@code seq} numbers every posting ever added (its bucket is {@code (seq - 1) / SIZE}),
 * {@code n} counts the pieces it holds now, so a search starts from its rarest key. Kept by the library's own writes.
 */
@Document("practice_key_counts")
record PracticeKeyCount(@Id String key, long seq, long n) {
}
