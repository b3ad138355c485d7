package org.cairn.notification;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/** One in-app notice. {@code link} is an app route such as {@code /my/enrollments/abc} (see {@link AppLinks}). */
@Document("notices")
@CompoundIndex(name = "person_created", def = "{'personId': 1, 'createdAt': -1}")
record Notice(@Id String id, String districtId, String personId, NoticeKind kind, String title, String text,
		String link, Instant createdAt, Instant readAt) {
}
