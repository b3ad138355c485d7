package org.cairn.notification;

import java.time.Instant;

import org.cairn.language.Language;
import org.cairn.language.Message;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One in-app notice. {@code link} is an app route such as {@code /my/enrollments/abc} (see {@link AppLinks}).
 * {@code titleMessage} and {@code textMessage} are what it says, written in the reader's language when it is read
 * ({@link #in}); {@code title} and {@code text} are that writing (stored as English before issue 18).
 */
@Document("notices")
@CompoundIndex(name = "person_created", def = "{'personId': 1, 'createdAt': -1}")
record Notice(@Id String id, String districtId, String personId, NoticeKind kind, String title, String text,
		String link, Instant createdAt, Instant readAt, Message titleMessage, Message textMessage) {

	/** The notice written in this language (a notice stored before issue 18 stays in English). */
	Notice in(Language language) {
		if (titleMessage == null || textMessage == null) {
			return this;
		}
		return new Notice(id, districtId, personId, kind, titleMessage.in(language), textMessage.in(language), link,
				createdAt, readAt, titleMessage, textMessage);
	}

}
