package org.cairn.notification;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.cairn.account.Person;
import org.cairn.account.Role;
import org.cairn.district.District;
import org.cairn.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The inbox comes a page at a time, newest first; the header's unread count and "Mark all as read" cover the whole
 * inbox, not the page shown, and touch nobody else's notices.
 */
class NotificationPagingIntegrationTests extends IntegrationTest {

	@Autowired
	ReactiveMongoTemplate mongo;

	@Test
	void theInboxPagesNewestFirstAndTheCountsAndMarkAllCoverTheWholeInbox() {
		District district = data.district();
		Person teacher = data.person(district, Role.TEACHER);
		Person other = data.person(district, Role.TEACHER);
		Instant now = Instant.now();
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			ids.add(mongo.insert(new Notice(null, district.id(), teacher.id(), NoticeKind.TIER_PASSED, "Passed " + i,
					"A tier passed.", "/my/enrollments/x", now.minusSeconds(60L * (5 - i)), null, null, null)).block().id());
		}
		mongo.insert(new Notice(null, district.id(), other.id(), NoticeKind.TIER_PASSED, "Someone else's", "",
				null, now, null, null, null)).block();
		WebTestClient asTeacher = data.as(teacher);

		assertThat(titles(asTeacher, "/api/v1/notifications?size=2")).containsExactly("Passed 4", "Passed 3");
		assertThat(titles(asTeacher, "/api/v1/notifications?size=2&page=2")).containsExactly("Passed 0");
		counts(asTeacher, "get", 5, 5);

		asTeacher.post().uri("/api/v1/notifications/{id}/read", ids.get(0)).exchange().expectStatus().isOk();
		counts(asTeacher, "get", 4, 5);
		counts(asTeacher, "post", 0, 5);
		counts(asTeacher, "post", 0, 5);
		assertThat(titles(asTeacher, "/api/v1/notifications?unread=true")).isEmpty();
		counts(data.as(other), "get", 1, 1);
	}

	private static List<String> titles(WebTestClient client, String uri) {
		JsonNode list = client.get().uri(uri).exchange().expectStatus().isOk().expectBody(JsonNode.class)
			.returnResult().getResponseBody();
		List<String> titles = new ArrayList<>();
		list.forEach(n -> titles.add(n.get("title").asString()));
		return titles;
	}

	private static void counts(WebTestClient client, String method, long unread, long total) {
		(method.equals("post") ? client.post().uri("/api/v1/notifications/read-all")
				: client.get().uri("/api/v1/notifications/counts"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.unread").isEqualTo(unread)
			.jsonPath("$.total").isEqualTo(total);
	}

}
