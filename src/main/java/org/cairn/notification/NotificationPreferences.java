package org.cairn.notification;

import java.util.EnumMap;
import java.util.Map;

import jakarta.validation.constraints.NotNull;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Which notices a person wants, by channel. A kind missing from a map counts as wanted, so new kinds reach
 * people until they opt out.
 *
 * @param id the person's id
 */
@Document("notification_preferences")
record NotificationPreferences(@Id String id, Map<NoticeKind, Boolean> email, Map<NoticeKind, Boolean> inApp) {

	static NotificationPreferences defaults(String personId) {
		return new NotificationPreferences(personId, all(), all());
	}

	private static Map<NoticeKind, Boolean> all() {
		Map<NoticeKind, Boolean> map = new EnumMap<>(NoticeKind.class);
		for (NoticeKind kind : NoticeKind.values()) {
			map.put(kind, true);
		}
		return map;
	}

	boolean wantsEmail(NoticeKind kind) {
		return email == null || email.getOrDefault(kind, true);
	}

	boolean wantsInApp(NoticeKind kind) {
		return inApp == null || inApp.getOrDefault(kind, true);
	}

	/** The request body of {@code PUT /api/v1/notifications/preferences}. */
	record Body(@NotNull Map<NoticeKind, Boolean> email, @NotNull Map<NoticeKind, Boolean> inApp) {
	}

}
