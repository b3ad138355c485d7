package org.cairn.issuing;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The opaque public id of a BadgeClass: one per template version, and one per tier awarded separately.
 *
 * @param key unique: {@code templateId#tierKey} or {@code templateId#*} for the whole microcredential
 */
@Document("issuing_badge_classes")
public record BadgeClassRecord(@Id String id, @Indexed(unique = true) String key, @Indexed String districtId,
		String templateId, String tierKey) {

	static String key(String templateId, String tierKey) {
		return templateId + "#" + (tierKey == null ? "*" : tierKey);
	}

}
