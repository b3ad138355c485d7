package org.cairn.transcript;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import org.cairn.account.Person;
import org.cairn.account.PersonChanges;
import org.cairn.account.Role;
import org.cairn.award.AwardRepository;
import org.cairn.district.District;
import org.cairn.district.DistrictRepository;
import org.cairn.language.Message;
import org.cairn.notification.NoticeKind;
import org.cairn.notification.Notifier;
import org.cairn.people.MailLinks;
import org.cairn.support.IntegrationTest;
import org.cairn.system.CairnProperties;
import org.cairn.template.Template;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 18, through the real service: a teacher who chose Spanish gets Spanish mail (read back from the outbox), a
 * Spanish certificate and transcript (the PDFs' text parsed back), Spanish notices and Spanish problems when the
 * browser asks for Spanish; a district's default language reaches people who chose none; English stays as it was.
 */
class SpanishTeacherIntegrationTests extends IntegrationTest {

	@Autowired
	ReactiveMongoTemplate mongo;

	@Autowired
	AwardRepository awards;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	CairnProperties cairn;

	@Autowired
	PersonChanges changes;

	@Autowired
	DistrictRepository districts;

	@Autowired
	Notifier notifier;

	@Test
	void aTeacherWhoChoseSpanishGetsSpanishMailCertificateTranscriptAndNotices() throws Exception {
		MailLinks mail = new MailLinks(cairn.dataDir());
		District district = data.district();
		Person teacher = data.person(district, Role.TEACHER);
		// rendering PDFs on a loaded build machine can take longer than the client's default 5 s
		WebTestClient asTeacher = data.as(teacher).mutate().responseTimeout(java.time.Duration.ofSeconds(60)).build();
		WebTestClient http = this.http.mutate().responseTimeout(java.time.Duration.ofSeconds(60)).build();
		asTeacher.put().uri("/api/v1/me/language").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("language", "es")).exchange().expectStatus().isOk();

		// mail: the link to verify a personal address
		String personal = "pat-" + UUID.randomUUID().toString().substring(0, 8) + "@home.example.org";
		asTeacher.post().uri("/api/v1/me/addresses").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("email", personal)).exchange().expectStatus().isAccepted();
		MailLinks.Mail verify = mail.messages(personal).get(0);
		assertThat(verify.subject()).isEqualTo("Verifique su dirección para Cairn");
		assertThat(verify.text()).startsWith("Hola, " + teacher.displayName() + ":")
			.contains("Abra este enlace para verificarla", "/verify-address/")
			.containsPattern("hasta el \\p{L}+ \\d{1,2} de \\p{L}+ de \\d{4}, \\d{2}:\\d{2} UTC")
			.doesNotContain("Hello", "Open this link");

		// a notice: mailed in Spanish, shown in Spanish in the app
		notifier.notify(district.id(), teacher.id(), NoticeKind.TIER_PASSED,
				Message.of("review.notice.passed.title", "Nivel 1", "Datos formativos"),
				Message.of("review.notice.passed.text", "Nivel 1", "Datos formativos"), "/my").block();
		assertThat(mail.messages(teacher.email())).extracting(MailLinks.Mail::subject)
			.contains("Aprobado: Nivel 1 de Datos formativos");
		asTeacher.get().uri("/api/v1/notifications").exchange().expectStatus().isOk().expectBody()
			.jsonPath("$[0].title").isEqualTo("Aprobado: Nivel 1 de Datos formativos")
			.jsonPath("$[0].text").isEqualTo("¡Felicitaciones! Su evidencia para Nivel 1 de Datos formativos fue aprobada.");

		// the certificate and the transcript
		Template template = mongo.insert(TranscriptIntegrationTests.template(district)).block();
		String assertionId = issue(teacher, template, "tier-1");
		byte[] certificate = http.get().uri("/public/assertions/" + assertionId + "/certificate.pdf").exchange()
			.expectStatus().isOk().expectBody(byte[].class).returnResult().getResponseBody();
		assertThat(text(certificate)).contains("Certificado de logro", "Se certifica que",
				"obtuvo la microcredencial", "Practice with formative data", "Emitido el", "Verifíquelo en")
			.containsPattern("Emitido el \\d{1,2} de \\p{L}+ de \\d{4}")
			.doesNotContain("Certificate of Achievement", "has earned");
		// the same certificate in English when asked for (the public page's switch)
		byte[] english = http.get().uri("/public/assertions/" + assertionId + "/certificate.pdf?lang=en").exchange()
			.expectStatus().isOk().expectBody(byte[].class).returnResult().getResponseBody();
		assertThat(text(english)).contains("Certificate of Achievement", "This certifies that").doesNotContain("Certificado");

		// the public badge page follows the browser's language, with a switch that needs no script
		var spanishPage = http.get().uri("/public/assertions/" + assertionId).accept(MediaType.TEXT_HTML)
			.header(HttpHeaders.ACCEPT_LANGUAGE, "es-US,es;q=0.9").exchange().expectStatus().isOk()
			.expectBody(String.class).returnResult();
		assertThat(spanishPage.getResponseHeaders().getVary()).contains(HttpHeaders.ACCEPT_LANGUAGE);
		assertThat(spanishPage.getResponseBody()).contains("<html lang=\"es\"", "Open Badge válida", "Otorgada a",
				"Datos de Open Badges", "href=\"?lang=en\"").doesNotContain("Awarded to", "Valid Open Badge");
		var englishPage = http.get().uri("/public/assertions/" + assertionId + "?lang=en").accept(MediaType.TEXT_HTML)
			.header(HttpHeaders.ACCEPT_LANGUAGE, "es").exchange().expectStatus().isOk()
			.expectBody(String.class).returnResult();
		assertThat(englishPage.getResponseBody()).contains("<html lang=\"en\"", "Valid Open Badge", "Awarded to",
				"href=\"?lang=es\"");
		assertThat(englishPage.getResponseHeaders().getETag()).isNotEqualTo(spanishPage.getResponseHeaders().getETag());

		byte[] transcript = asTeacher.get().uri("/api/v1/me/transcript.pdf").exchange().expectStatus().isOk()
			.expectBody(byte[].class).returnResult().getResponseBody();
		assertThat(text(transcript)).contains("Constancia de desarrollo profesional", "Totales por año fiscal",
				"Insignias", "Practice with formative data", "Verifíquela en")
			.containsPattern("Emitida el \\d{1,2} de \\p{L}+ de \\d{4}")
			.doesNotContain("Professional learning transcript", "Totals by fiscal year");
	}

	@Test
	void problemsComeInTheLanguageTheBrowserAsksFor() {
		Person teacher = data.person(data.district(), Role.TEACHER);
		WebTestClient asTeacher = data.as(teacher);
		asTeacher.post().uri("/api/v1/me/badges/nope/reissue").contentType(MediaType.APPLICATION_JSON)
			.header(HttpHeaders.ACCEPT_LANGUAGE, "es-MX,es;q=0.9,en;q=0.5")
			.bodyValue(Map.of("email", "x@example.org")).exchange().expectStatus().isEqualTo(422)
			.expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody().jsonPath("$.title").isEqualTo("No es una dirección verificada suya")
			.jsonPath("$.detail").isEqualTo("Una insignia solo se puede volver a emitir a una de sus direcciones "
					+ "verificadas. Agregue x@example.org en Direcciones de correo y abra primero el enlace que se le envíe.")
			.jsonPath("$.type").isEqualTo("urn:cairn:problem:not-your-address");
		http.post().uri("/api/v1/auth/login").contentType(MediaType.APPLICATION_JSON)
			.header(HttpHeaders.ACCEPT_LANGUAGE, "es")
			.bodyValue(Map.of("email", teacher.email(), "password", "wrong password")).exchange()
			.expectStatus().isUnauthorized().expectBody()
			.jsonPath("$.title").isEqualTo("No se pudo iniciar sesión")
			.jsonPath("$.detail").isEqualTo("El correo electrónico o la contraseña no son correctos.")
			.jsonPath("$.type").isEqualTo("urn:cairn:problem:invalid-credentials");
		// without Accept-Language (or asking for a language Cairn does not speak): English as before
		http.post().uri("/api/v1/auth/login").contentType(MediaType.APPLICATION_JSON)
			.header(HttpHeaders.ACCEPT_LANGUAGE, "fr")
			.bodyValue(Map.of("email", teacher.email(), "password", "wrong password")).exchange()
			.expectStatus().isUnauthorized().expectBody()
			.jsonPath("$.title").isEqualTo("Sign-in failed")
			.jsonPath("$.detail").isEqualTo("The email or password is wrong.");
	}

	@Test
	void aDistrictsDefaultLanguageReachesPeopleWhoChoseNoneAndAChoiceWins() {
		MailLinks mail = new MailLinks(cairn.dataDir());
		District district = data.district();
		districts.save(district.withSettings(new org.cairn.district.DistrictSettings(district.name(), district.url(),
				district.email(), district.description(), district.logo(), district.brandColor(), district.timeZone(),
				district.fiscalYearStartMonth(), district.budgetCents(), district.autoApproveProposals(),
				district.allowCoachAsAssessor(), district.maxUploadBytes(), "es"))).block();
		Person undecided = data.person(district, Role.TEACHER);
		Person english = data.person(district, Role.TEACHER);
		changes.chooseLanguage(english.id(), "en").block();

		for (Person person : List.of(undecided, english)) {
			http.post().uri("/api/v1/password-resets").contentType(MediaType.APPLICATION_JSON)
				.bodyValue(Map.of("email", person.email())).exchange().expectStatus().isAccepted();
		}
		await().until(() -> !mail.messages(undecided.email()).isEmpty() && !mail.messages(english.email()).isEmpty());
		assertThat(mail.messages(undecided.email()).get(0).subject()).isEqualTo("Restablezca su contraseña de Cairn");
		assertThat(mail.messages(undecided.email()).get(0).text()).contains("Alguien (esperamos que usted)");
		assertThat(mail.messages(english.email()).get(0).subject()).isEqualTo("Reset your Cairn password");
		assertThat(mail.messages(english.email()).get(0).text())
			.startsWith("Hello " + english.displayName() + ",\n\nSomeone (hopefully you) asked to reset your Cairn password.");
	}

	private static String text(byte[] pdf) throws Exception {
		PdfReader reader = new PdfReader(pdf);
		StringBuilder text = new StringBuilder();
		for (int page = 1; page <= reader.getNumberOfPages(); page++) {
			text.append(new PdfTextExtractor(reader).getTextFromPage(page)).append('\n');
		}
		return text.toString().replaceAll("\\s+", " ");
	}

	private String issue(Person teacher, Template template, String tierKey) throws InterruptedException {
		return TierBadges.issue(awards, events, "spanish-test", teacher, template, tierKey);
	}

}
