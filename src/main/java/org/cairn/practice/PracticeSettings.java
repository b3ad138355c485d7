package org.cairn.practice;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * How far a district opens its practice library: to its own people only (the default, also when no document
 * exists), to other Cairn districts, or also to the public page. Each piece's own audience is narrowed by it.
 *
 * @param id the district's id
 */
@Document("practice_settings")
record PracticeSettings(@Id String id, Audience openTo, Instant updatedAt) {
}
