package org.cairn.practice;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** How many pieces a search key holds: a search starts from its rarest key. Kept by the library's own writes. */
@Document("practice_key_counts")
record PracticeKeyCount(@Id String key, long n) {
}
