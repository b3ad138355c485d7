package org.cairn.transcript;

import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A district's settings for its teachers' professional record. One document per district, keyed by its id.
 *
 * @param creditName what its badges credit, e.g. "professional learning hours", "license-renewal hours", "CEUs"
 * @param reminderDays how many days before a badge expires its holder is reminded, largest first (60, 30, 7)
 */
@Document("transcript_settings")
record CreditSettings(@Id String districtId, String creditName, List<Integer> reminderDays) {

	static final String DEFAULT_NAME = "professional learning hours";

	static final List<Integer> DEFAULT_REMINDER_DAYS = List.of(60, 30, 7);

	CreditSettings {
		creditName = creditName == null || creditName.isBlank() ? DEFAULT_NAME : creditName;
		reminderDays = reminderDays == null ? DEFAULT_REMINDER_DAYS
				: reminderDays.stream().distinct().sorted(java.util.Comparator.reverseOrder()).toList();
	}

	static CreditSettings defaults(String districtId) {
		return new CreditSettings(districtId, DEFAULT_NAME, DEFAULT_REMINDER_DAYS);
	}

}
