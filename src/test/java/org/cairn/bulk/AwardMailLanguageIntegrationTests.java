package org.cairn.bulk;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import org.cairn.account.Person;
import org.cairn.account.Role;
import org.cairn.district.District;
import org.cairn.issuing.IssuingFixtures;
import org.cairn.people.MailLinks;
import org.cairn.support.IntegrationTest;
import org.cairn.system.CairnProperties;
import org.cairn.template.Template;
import org.cairn.template.TemplateTranslation;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 18's leftover: the award mail is written in the recipient's language, and its links open the badge page and
 * the certificate in that language too, even when the browser that opens them asks for another (the mail read back
 * from the outbox, its links opened and reloaded through the real service).
 */
@Import(IssuingFixtures.class)
class AwardMailLanguageIntegrationTests extends IntegrationTest {

	private static final Pattern LINK = Pattern.compile("https://cairn\\.test(/public/assertions/[A-Za-z0-9_-]+)(\\?lang=\\w+)");

	private static final Pattern CERTIFICATE = Pattern
		.compile("https://cairn\\.test(/public/assertions/[A-Za-z0-9_-]+/certificate\\.pdf\\?lang=\\w+)");

	@Autowired
	IssuingFixtures fixtures;

	@Autowired
	BulkAwards bulk;

	@Autowired
	ReactiveMongoTemplate mongo;

	@Autowired
	CairnProperties cairn;

	@Test
	void aSpanishAccountsAwardMailOpensTheBadgeInSpanishWhateverTheBrowserAsks() throws Exception {
		District district = data.district();
		Person admin = data.person(district, Role.DISTRICT_ADMIN);
		Person spanish = data.person(district, Role.TEACHER);
		Person english = data.person(district, Role.TEACHER);
		data.as(spanish).put().uri("/api/v1/me/language").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("language", "es")).exchange().expectStatus().isOk();
		Template plain = fixtures.template(district, null);
		Template template = mongo.insert(new Template(null, district.id(), plain.familyId() + "-es", 1,
				plain.status(), plain.title(), plain.summary(), plain.criteria(), null, plain.tags(),
				plain.alignments(), plain.validFor(), plain.scale(), false, plain.tiers(), null, plain.createdAt(),
				plain.publishedAt(), null, null,
				new TemplateTranslation("Evaluación formativa", "Usa la evaluación formativa.", null, List.of())))
			.block();
		String badgeClassId = badgeClass(admin, template);
		data.as(admin).post().uri("/api/v1/badges/{id}/bulk-awards", badgeClassId)
			.contentType(MediaType.parseMediaType("text/csv"))
			.bodyValue("email\n" + spanish.email() + "\n" + english.email() + "\n").exchange()
			.expectStatus().isAccepted();
		bulk.drain("worker-language").block();

		MailLinks outbox = new MailLinks(cairn.dataDir());
		long until = System.nanoTime() + Duration.ofMinutes(1).toNanos();
		while ((outbox.messages(spanish.email()).isEmpty() || outbox.messages(english.email()).isEmpty())
				&& System.nanoTime() < until) {
			Thread.sleep(50);
		}
		MailLinks.Mail mail = outbox.messages(spanish.email()).get(0);
		assertThat(mail.subject()).contains("Evaluación formativa");
		Matcher link = LINK.matcher(mail.text());
		assertThat(link.find()).as(mail.text()).isTrue();
		assertThat(link.group(2)).isEqualTo("?lang=es");
		// opened by a browser that asks for English, then reloaded: Spanish both times
		for (int load = 0; load < 2; load++) {
			String page = http.get().uri(link.group(1) + link.group(2)).accept(MediaType.TEXT_HTML)
				.header(HttpHeaders.ACCEPT_LANGUAGE, "en-US,en;q=0.9").exchange().expectStatus().isOk()
				.expectBody(String.class).returnResult().getResponseBody();
			assertThat(page).contains("<html lang=\"es\"", "Evaluación formativa").doesNotContain("<h1>Formative Assessment");
		}
		Matcher certificate = CERTIFICATE.matcher(mail.text());
		assertThat(certificate.find()).as(mail.text()).isTrue();
		byte[] pdf = http.get().uri(certificate.group(1)).header(HttpHeaders.ACCEPT_LANGUAGE, "en").exchange()
			.expectStatus().isOk().expectBody(byte[].class).returnResult().getResponseBody();
		assertThat(new PdfTextExtractor(new PdfReader(pdf)).getTextFromPage(1)).contains("Evaluación formativa");

		// an English account's mail opens the page in English, even in a Spanish browser
		MailLinks.Mail theirs = outbox.messages(english.email()).get(0);
		Matcher englishLink = LINK.matcher(theirs.text());
		assertThat(englishLink.find()).isTrue();
		assertThat(englishLink.group(2)).isEqualTo("?lang=en");
		assertThat(http.get().uri(englishLink.group(1) + englishLink.group(2)).accept(MediaType.TEXT_HTML)
			.header(HttpHeaders.ACCEPT_LANGUAGE, "es").exchange().expectStatus().isOk().expectBody(String.class)
			.returnResult().getResponseBody()).contains("<html lang=\"en\"", "Formative Assessment")
			.doesNotContain("Evaluación formativa");
	}

	private String badgeClass(Person admin, Template template) {
		JsonNode classes = data.as(admin).get().uri("/api/v1/templates/{id}/badge-classes", template.id()).exchange()
			.expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
		for (JsonNode c : classes) {
			if (c.path("tierKey").isNull() || c.path("tierKey").isMissingNode()) {
				return c.get("id").asString();
			}
		}
		throw new AssertionError("no badge class");
	}

}
