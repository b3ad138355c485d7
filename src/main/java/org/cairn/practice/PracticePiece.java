package org.cairn.practice;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One shared piece: what colleagues see of a teacher's evidence, copied at sharing time (the evidence itself keeps
 * its own privacy; the file's bytes are read from it when a reader who may see the piece asks). One per piece of
 * evidence, so sharing again updates it.
 *
 * @param id opaque, unguessable; never the evidence's id
 * @param authorId who shared it (never shown when anonymous)
 * @param authorName the teacher's name, or null when they chose to stay anonymous
 * @param kind {@code REFLECTION}, {@code LINK} or the file's kind ({@code IMAGE}, {@code PDF}, ...)
 * @param text a reflection's text; null otherwise
 * @param url a link; null otherwise
 * @param fileName a file's name; null otherwise
 * @param templateId the microcredential version that produced it
 * @param audience who the teacher shares it with; the district's setting may narrow it
 * @param revision bumped on every change, so the search keys of an older sharing are told apart
 */
@Document("practice_pieces")
record PracticePiece(@Id String id, String districtId, String districtName, @Indexed(unique = true) String evidenceId,
		@JsonIgnore String authorId, String authorName, String title, String summary, String kind, String text,
		String url, String fileName, String mediaType, Long sizeBytes, String templateId, String microcredential,
		String tierTitle, String requirementTitle, List<Tag> standards, List<Tag> clusters, String gradeBand,
		String subject, Audience audience, @Indexed String enrollmentId, String tierKey, Instant sharedAt) {

	PracticePiece {
		standards = standards == null ? List.of() : List.copyOf(standards);
		clusters = clusters == null ? List.of() : List.copyOf(clusters);
	}

	/** A standard or cluster: its code and name. */
	record Tag(String code, String name) {
	}

}
