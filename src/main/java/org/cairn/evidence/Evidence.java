package org.cairn.evidence;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.cairn.template.ArtifactKind;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One piece of evidence for one requirement of one tier. Evidence that was part of a submitted attempt is never
 * changed or deleted: revising it after a return withdraws it (kept for the attempt history) and creates a new
 * piece.
 *
 * @param slotKey unique while current ({@code enrollment:tier:requirement:type:name}), so saving the same draft
 * twice updates one piece; a withdrawn piece gets a tombstone key
 * @param name the file name, the link URL, or {@code reflection}
 * @param fileId the GridFS file holding the bytes (files only)
 * @param sha256 hex digest computed while streaming
 * @param submitted true once the piece was part of a submitted attempt
 * @param isPublic the teacher chose to publish it with the badge; false by default
 */
@Document("evidence")
@CompoundIndex(name = "enrollment_tier", def = "{'enrollmentId': 1, 'tierKey': 1}")
public record Evidence(@Id String id, String districtId, String enrollmentId, String personId, String tierKey,
		String requirementKey, EvidenceType type, String name, String text, Integer wordCount, String url,
		@JsonIgnore String fileId, String mediaType, ArtifactKind artifactKind, Long sizeBytes, String sha256,
		@JsonIgnore @Indexed(unique = true) String slotKey, boolean submitted, boolean isPublic, Instant createdAt,
		Instant updatedAt, Instant withdrawnAt) {

	static String slot(String enrollmentId, String tierKey, String requirementKey, EvidenceType type, String name) {
		return enrollmentId + ":" + tierKey + ":" + requirementKey + ":" + type + ":" + name;
	}

	boolean current() {
		return withdrawnAt == null;
	}

}
