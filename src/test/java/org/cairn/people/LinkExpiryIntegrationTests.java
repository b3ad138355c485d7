package org.cairn.people;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;
import org.cairn.account.ExternalServersTest;
import org.cairn.account.Person;
import org.cairn.account.Role;
import org.cairn.district.District;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Links that expire, read from mail a real SMTP server received. */
class LinkExpiryIntegrationTests extends ExternalServersTest {

	@Test
	void invitationLinkExpiresAfterSevenDays() throws Exception {
		District district = data.district();
		Person admin = data.person(district, Role.DISTRICT_ADMIN);
		String email = "late-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
		data.as(admin).post().uri("/api/v1/people").bodyValue(Map.of("email", email, "roles", List.of("TEACHER")))
			.exchange().expectStatus().isCreated();
		String token = MailLinks.tokenIn(mailTo(email), "/invitations/");

		clock.advance(Duration.ofDays(6));
		http.get().uri("/api/v1/invitations/" + token).exchange().expectStatus().isOk();
		clock.advance(Duration.ofDays(1).plusMinutes(1));
		http.post().uri("/api/v1/invitations/" + token)
			.bodyValue(Map.of("displayName", "Late", "password", "a long enough passphrase"))
			.exchange()
			.expectStatus().isEqualTo(410)
			.expectBody().jsonPath("$.type").isEqualTo("urn:cairn:problem:invitation-expired");
	}

	@Test
	void passwordResetLinkExpiresAfterAnHour() throws Exception {
		Person teacher = data.person(data.district(), Role.TEACHER);
		http.post().uri("/api/v1/password-resets").bodyValue(Map.of("email", teacher.email()))
			.exchange().expectStatus().isAccepted();
		String token = MailLinks.tokenIn(mailTo(teacher.email()), "/password-resets/");

		clock.advance(Duration.ofMinutes(61));
		http.post().uri("/api/v1/password-resets/" + token).bodyValue(Map.of("password", "a long enough passphrase"))
			.exchange()
			.expectStatus().isEqualTo(410)
			.expectBody().jsonPath("$.type").isEqualTo("urn:cairn:problem:password-reset-expired");
	}

	/** The text of the one message the SMTP server received for the address. */
	static String mailTo(String address) throws Exception {
		await().atMost(Duration.ofSeconds(10)).until(() -> messagesTo(address).size() == 1);
		MimeMessage message = messagesTo(address).get(0);
		assertThat(message.getFrom()[0].toString()).contains("cairn@cairn.test");
		return message.getContent().toString();
	}

	private static List<MimeMessage> messagesTo(String address) {
		return java.util.Arrays.stream(SMTP.getReceivedMessages()).filter(m -> {
			try {
				return m.getAllRecipients()[0].toString().equals(address);
			}
			catch (jakarta.mail.MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}).toList();
	}

}
