package org.cairn.transcript;

import java.util.List;
import java.util.Map;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import org.cairn.account.Person;
import org.cairn.account.Role;
import org.cairn.award.AwardRepository;
import org.cairn.district.District;
import org.cairn.language.Language;
import org.cairn.language.Message;
import org.cairn.notification.NoticeKind;
import org.cairn.notification.Notifier;
import org.cairn.people.MailLinks;
import org.cairn.support.IntegrationTest;
import org.cairn.system.CairnProperties;
import org.cairn.template.Template;
import org.cairn.template.TemplateContent;
import org.cairn.template.TemplateTranslation;
import org.cairn.template.TemplateTranslation.RequirementText;
import org.cairn.template.TemplateTranslation.TierText;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 18: a district gives a template a Spanish name, description, criteria and tier and requirement texts; the
 * API checks them like the English ones; a reader who asked for Spanish sees them in the catalogue, the template
 * page, the public badge and criteria pages, the certificate and the award mail, while the Open Badges documents
 * stay in the author's language.
 */
class SpanishTemplateIntegrationTests extends IntegrationTest {

	static final TemplateTranslation SPANISH = new TemplateTranslation("Práctica con datos formativos",
			"Usa datos formativos para ajustar la enseñanza. <script>alert(1)</script>",
			"Apruebe cada requisito.",
			List.of(new TierText("tier-1", "Nivel 1: investigación", "Investigue.",
					List.of(new RequirementText("r1", "Reflexión", "Describa cómo usó los datos formativos.")))));

	@Autowired
	ReactiveMongoTemplate mongo;

	@Autowired
	AwardRepository awards;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	CairnProperties cairn;

	@Autowired
	Notifier notifier;

	@Autowired
	tools.jackson.databind.json.JsonMapper json;

	@Test
	void theSpanishWordingIsCheckedLikeTheEnglishFields() {
		District district = data.district();
		WebTestClient admin = data.as(data.person(district, Role.DISTRICT_ADMIN));
		Template english = TranscriptIntegrationTests.template(district);
		TemplateTranslation bad = new TemplateTranslation("Dos\nlíneas", "x".repeat(1_001), null,
				List.of(new TierText("tier-9", "Nivel 9", null, List.of()),
						new TierText("tier-1", "Nivel 1", null, List.of(new RequirementText("r7", "?", null)))));
		JsonNode problem = admin.post().uri("/api/v1/templates/validate").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(content(english, bad)).exchange().expectStatus().isEqualTo(422).expectBody(JsonNode.class)
			.returnResult().getResponseBody();
		assertThat(problem.path("errors").valueStream().map(e -> e.path("field").asString())
			.filter(f -> f.startsWith("es.")).toList())
			.containsExactlyInAnyOrder("es.title", "es.summary", "es.tiers[0].key",
					"es.tiers[1].requirements[0].key");

		// a draft keeps the wording, and its Spanish is what a new version starts from
		JsonNode created = admin.post().uri("/api/v1/templates").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(content(english, SPANISH)).exchange().expectStatus().isCreated().expectBody(JsonNode.class)
			.returnResult().getResponseBody();
		assertThat(created.at("/content/es/title").asString()).isEqualTo("Práctica con datos formativos");
		assertThat(created.at("/content/es/tiers/0/requirements/0/prompt").asString())
			.isEqualTo("Describa cómo usó los datos formativos.");
		assertThat(created.at("/problems").toString()).doesNotContain("\"es.");
	}

	@Test
	void aSpanishReaderSeesTheDistrictsSpanishWordingWhileTheBadgeDocumentsStayEnglish() throws Exception {
		MailLinks mail = new MailLinks(cairn.dataDir());
		District district = data.district();
		Person teacher = data.person(district, Role.TEACHER);
		WebTestClient asTeacher = data.as(teacher).mutate().responseTimeout(java.time.Duration.ofSeconds(60)).build();
		WebTestClient http = this.http.mutate().responseTimeout(java.time.Duration.ofSeconds(60)).build();
		Template english = TranscriptIntegrationTests.template(district);
		Template template = mongo.insert(new Template(null, english.districtId(), english.familyId(), 1,
				english.status(), english.title(), english.summary(), english.criteria(), null, english.tags(),
				english.alignments(), english.validFor(), english.scale(), false, english.tiers(), null,
				english.createdAt(), english.publishedAt(), null, null, SPANISH)).block();

		// the catalogue and the template page: the Spanish wording, and Cairn's own lines in Spanish around it
		JsonNode catalogue = asTeacher.get().uri("/api/v1/catalogue").header(HttpHeaders.ACCEPT_LANGUAGE, "es")
			.exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
		assertThat(catalogue.at("/0/title").asString()).isEqualTo("Práctica con datos formativos");
		assertThat(catalogue.at("/0/tiers/0/title").asString()).isEqualTo("Nivel 1: investigación");
		assertThat(catalogue.at("/0/tiers/1/title").asString()).isEqualTo("Tier 2");
		assertThat(catalogue.at("/0/tiers/0/requirements/0").asString())
			.isEqualTo("Una reflexión escrita de 10-600 palabras");
		JsonNode page = asTeacher.get().uri("/api/v1/catalogue/" + template.id())
			.header(HttpHeaders.ACCEPT_LANGUAGE, "es-US,es;q=0.9").exchange().expectStatus().isOk()
			.expectBody(JsonNode.class).returnResult().getResponseBody();
		assertThat(page.at("/summary").asString()).startsWith("Usa datos formativos");
		assertThat(page.at("/criteria").asString()).isEqualTo("Apruebe cada requisito.");
		assertThat(page.at("/validFor").asString()).isEqualTo("3 años");
		assertThat(page.at("/tiers/0/requirements/0/prompt").asString())
			.isEqualTo("Describa cómo usó los datos formativos.");
		assertThat(page.at("/tiers/0/requirements/0/toPass").asString()).startsWith("Todos los criterios en ");
		assertThat(page.at("/tiers/1/requires/0").asString()).isEqualTo("Nivel 1: investigación");
		// an English reader, and a Spanish word finds the template from English too
		JsonNode inEnglish = asTeacher.get().uri("/api/v1/catalogue/" + template.id()).exchange().expectStatus()
			.isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
		assertThat(inEnglish.at("/title").asString()).isEqualTo("Practice with formative data");
		assertThat(inEnglish.at("/tiers/0/requirements/0/asks").asString())
			.isEqualTo("A written reflection of 10-600 words");
		assertThat(inEnglish.at("/validFor").asString()).isEqualTo("3 years");
		asTeacher.get().uri("/api/v1/catalogue?q=formativos").exchange().expectStatus().isOk().expectBody()
			.jsonPath("$[0].title").isEqualTo("Practice with formative data");

		// the badge: a notice and the certificate in the teacher's Spanish, the public pages by the reader's language
		asTeacher.put().uri("/api/v1/me/language").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("language", "es")).exchange().expectStatus().isOk();
		Person englishReader = data.person(district, Role.TEACHER);
		for (Person reader : List.of(teacher, englishReader)) {
			notifier.notify(district.id(), reader.id(), NoticeKind.TIER_PASSED,
					Message.of("review.notice.passed.title",
							Message.written("Tier 1", "Nivel 1: investigación"),
							Message.written(template.title(), template.in(Language.ES).title())),
					Message.of("review.notice.passed.text", "Tier 1", template.title()), "/my").block();
		}
		assertThat(mail.messages(teacher.email())).extracting(MailLinks.Mail::subject)
			.contains("Aprobado: Nivel 1: investigación de Práctica con datos formativos");
		assertThat(mail.messages(englishReader.email())).extracting(MailLinks.Mail::subject)
			.contains("Passed: Tier 1 of Practice with formative data");
		String assertionId = TierBadges.issue(awards, events, "spanish-template", teacher, template, "tier-1");
		byte[] certificate = http.get().uri("/public/assertions/" + assertionId + "/certificate.pdf").exchange()
			.expectStatus().isOk().expectBody(byte[].class).returnResult().getResponseBody();
		assertThat(text(certificate)).contains("Certificado de logro", "Práctica con datos formativos",
				"Nivel 1: investigación").doesNotContain("Practice with formative data");
		// the title a PDF reader shows (window, tab, file list) is the badge's name, tier included, in the same Spanish
		assertThat(new PdfReader(certificate).getInfo().get("Title"))
			.startsWith("Práctica con datos formativos: Nivel 1: investigación — ");

		String spanishPage = http.get().uri("/public/assertions/" + assertionId).accept(MediaType.TEXT_HTML)
			.header(HttpHeaders.ACCEPT_LANGUAGE, "es").exchange().expectStatus().isOk().expectBody(String.class)
			.returnResult().getResponseBody();
		assertThat(spanishPage).contains("<h1>Práctica con datos formativos: Nivel 1: investigación</h1>",
				"Usa datos formativos para ajustar la enseñanza. &lt;script&gt;")
			.doesNotContain("Practice with formative data", "<script>alert");
		assertThat(http.get().uri("/public/assertions/" + assertionId + "?lang=en").accept(MediaType.TEXT_HTML)
			.exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody())
			.contains("<h1>Practice with formative data: Tier 1</h1>").doesNotContain("Práctica");

		// the Open Badges documents stay in the author's language, whatever the reader asked for
		JsonNode assertion = http.get().uri("/public/assertions/" + assertionId).accept(MediaType.APPLICATION_JSON)
			.header(HttpHeaders.ACCEPT_LANGUAGE, "es").exchange().expectStatus().isOk().expectBody(JsonNode.class)
			.returnResult().getResponseBody();
		String badgeUrl = assertion.path("badge").asString();
		JsonNode badge = http.get().uri(java.net.URI.create(badgeUrl).getPath()).accept(MediaType.APPLICATION_JSON)
			.header(HttpHeaders.ACCEPT_LANGUAGE, "es").exchange().expectStatus().isOk().expectBody(JsonNode.class)
			.returnResult().getResponseBody();
		assertThat(badge.path("name").asString()).isEqualTo("Practice with formative data: Tier 1");
		assertThat(badge.toString()).doesNotContain("Práctica", "Nivel 1");

		// the verification report: each check's title and sentence in the reader's language
		JsonNode report = http.post().uri("/api/v1/verifications").contentType(MediaType.APPLICATION_JSON)
			.header(HttpHeaders.ACCEPT_LANGUAGE, "es").bodyValue(Map.of("url", assertion.path("id").asString()))
			.exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
		assertThat(report.path("valid").asBoolean()).isTrue();
		List<String> sentences = report.path("checks").valueStream().map(c -> c.path("sentence").asString()).toList();
		assertThat(sentences).contains("Usted dio la dirección (URL) de una insignia.",
				"Sigue la norma Open Badges 2.0.");
		assertThat(report.path("checks").valueStream().map(c -> c.path("title").asString()).toList())
			.contains("Lo que se dio", "No revocada");
		assertThat(String.join(" ", sentences)).doesNotContain("It follows", "You gave", "The badge", "does not apply");
		JsonNode englishReport = http.post().uri("/api/v1/verifications").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("url", assertion.path("id").asString())).exchange().expectStatus().isOk()
			.expectBody(JsonNode.class).returnResult().getResponseBody();
		assertThat(englishReport.path("checks").valueStream().map(c -> c.path("sentence").asString()).toList())
			.contains("You gave the address (URL) of a badge.", "It follows the Open Badges 2.0 standard.");

		String criteria = http.get().uri(java.net.URI.create(badge.path("criteria").path("id").asString()).getPath())
			.header(HttpHeaders.ACCEPT_LANGUAGE, "es").exchange().expectStatus().isOk().expectBody(String.class)
			.returnResult().getResponseBody();
		assertThat(criteria).contains("Práctica con datos formativos: Nivel 1: investigación",
				"Apruebe cada requisito.", "## Nivel 1: investigación", "Investigue.");
	}

	@Test
	void beanValidationMessagesComeInTheReadersLanguage() {
		District district = data.district();
		WebTestClient admin = data.as(data.person(district, Role.DISTRICT_ADMIN));
		Map<String, Object> settings = new java.util.HashMap<>(Map.of("name", "", "url", "ftp://x", "email",
				"it@example.org", "brandColor", "red", "timeZone", "America/Chicago", "fiscalYearStartMonth", 13,
				"budgetCents", 0, "maxUploadBytes", 2 * 1024 * 1024, "autoApproveProposals", false,
				"allowCoachAsAssessor", false));
		JsonNode spanish = admin.put().uri("/api/v1/district").contentType(MediaType.APPLICATION_JSON)
			.header(HttpHeaders.ACCEPT_LANGUAGE, "es").bodyValue(settings).exchange().expectStatus().isEqualTo(422)
			.expectBody(JsonNode.class).returnResult().getResponseBody();
		Map<String, String> byField = new java.util.TreeMap<>();
		spanish.path("errors").forEach(e -> byField.merge(e.path("field").asString(), e.path("message").asString(),
				(a, b) -> a + " | " + b));
		assertThat(byField).containsEntry("url", "debe ser una URL http(s)")
			.containsEntry("brandColor", "debe ser un color como #1f6f5c")
			.containsEntry("name", "no debe estar vacío")
			.containsEntry("fiscalYearStartMonth", "debe ser menor que o igual a 12");
		JsonNode english = admin.put().uri("/api/v1/district").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(settings).exchange().expectStatus().isEqualTo(422).expectBody(JsonNode.class).returnResult()
			.getResponseBody();
		assertThat(english.toString()).contains("must be an http(s) URL", "must not be blank",
				"must be less than or equal to 12");
	}

	@Test
	void templateAndPayProblemsComeInTheReadersLanguage() {
		District district = data.district();
		WebTestClient admin = data.as(data.person(district, Role.DISTRICT_ADMIN));
		tools.jackson.databind.node.ObjectNode content = json.valueToTree(
				content(TranscriptIntegrationTests.template(district), null));
		content.put("title", "");
		content.put("artwork", "data:image/svg+xml;base64," + java.util.Base64.getEncoder().encodeToString((
				"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 100 100\" width=\"100\" height=\"100\">"
						+ "<circle cx=\"50\" cy=\"50\" r=\"40\" fill=\"#2a6f97\"/></svg>")
			.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
		((tools.jackson.databind.node.ObjectNode) content.get("tiers").get(0)).putObject("pay")
			.put("kind", "SALARY_INCREASE").put("cents", 0);
		JsonNode spanish = admin.post().uri("/api/v1/templates/validate").contentType(MediaType.APPLICATION_JSON)
			.header(HttpHeaders.ACCEPT_LANGUAGE, "es-US,es;q=0.9").bodyValue(content).exchange().expectStatus()
			.isEqualTo(422).expectBody(JsonNode.class).returnResult().getResponseBody();
		Map<String, String> byField = new java.util.TreeMap<>();
		spanish.path("errors").forEach(e -> byField.put(e.path("field").asString(), e.path("message").asString()));
		assertThat(byField).containsEntry("title", "es obligatorio")
			.containsEntry("tiers[0].pay.cents", "un aumento de salario necesita un monto anual de $0.01 a $100,000")
			.containsEntry("tiers[0].pay.effective", "indique cuándo empieza el aumento");
		assertThat(spanish.path("title").asString()).isEqualTo("La plantilla tiene problemas");
		assertThat(spanish.path("detail").asString()).isEqualTo("Hay que corregir 3 problemas.");
		JsonNode english = admin.post().uri("/api/v1/templates/validate").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(content).exchange().expectStatus().isEqualTo(422).expectBody(JsonNode.class).returnResult()
			.getResponseBody();
		assertThat(english.toString()).contains("is required", "say when the increase starts")
			.doesNotContain("obligatorio", "said");

		// one problem: the detail names it, in the reader's words too (an import: under template.)
		content.put("title", "Practice with formative data");
		((tools.jackson.databind.node.ObjectNode) content.get("tiers").get(0).get("pay")).put("cents", 40_000)
			.put("effective", "ON_DATE");
		JsonNode one = admin.post().uri("/api/v1/templates/validate").contentType(MediaType.APPLICATION_JSON)
			.header(HttpHeaders.ACCEPT_LANGUAGE, "es").bodyValue(content).exchange().expectStatus()
			.isEqualTo(422).expectBody(JsonNode.class).returnResult().getResponseBody();
		assertThat(one.path("detail").asString()).as(one.toString())
			.isEqualTo("tiers[0].pay.effectiveOn: indique la fecha en que empieza el aumento");
		assertThat(one.at("/errors/0/message").asString()).isEqualTo("indique la fecha en que empieza el aumento");
		JsonNode imported = admin.post().uri("/api/v1/templates/import").contentType(MediaType.APPLICATION_JSON)
			.header(HttpHeaders.ACCEPT_LANGUAGE, "es")
			.bodyValue(Map.of("format", "cairn.template/1", "template", content)).exchange().expectStatus()
			.isEqualTo(422).expectBody(JsonNode.class).returnResult().getResponseBody();
		assertThat(imported.path("errors").toString()).contains("template.tiers[0].pay.effectiveOn",
				"indique la fecha en que empieza el aumento");
	}

	@Test
	void anEnrolmentMadeBeforeTheSpanishWordingShowsTheSpanishTitleToSpanishReaders() {
		District district = data.district();
		Person teacher = data.person(district, Role.TEACHER);
		Person admin = data.person(district, Role.DISTRICT_ADMIN);
		Template english = mongo.insert(TranscriptIntegrationTests.template(district)).block();
		String enrolmentId = data.as(teacher).post().uri("/api/v1/enrollments").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("templateId", english.id())).exchange().expectStatus().isCreated()
			.expectBody(JsonNode.class).returnResult().getResponseBody().path("id").asString();
		// the district adds its Spanish wording in the next version; the enrolment stays on the first
		mongo.insert(new Template(null, english.districtId(), english.familyId(), 2, english.status(),
				english.title(), english.summary(), english.criteria(), null, english.tags(), english.alignments(),
				english.validFor(), english.scale(), false, english.tiers(), null, english.createdAt(),
				english.publishedAt(), null, null, SPANISH)).block();
		// a template deleted since: its enrolment keeps the title it was started under
		mongo.insert(new org.cairn.enrollment.Enrollment(null, district.id(), teacher.id(), "gone-" + enrolmentId,
				"gone-family-" + enrolmentId, "A microcredential since deleted", "gone:" + enrolmentId,
				org.cairn.enrollment.EnrollmentState.ACTIVE, null, null, null, null, 0, java.time.Instant.now(),
				null, null, null)).block();

		assertThat(data.as(teacher).get().uri("/api/v1/enrollments").header(HttpHeaders.ACCEPT_LANGUAGE, "es")
			.exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody())
			.contains("\"templateTitle\":\"Práctica con datos formativos\"",
					"\"templateTitle\":\"A microcredential since deleted\"")
			.doesNotContain("\"templateTitle\":\"Practice with formative data\"");
		assertThat(data.as(admin).get().uri("/api/v1/enrollments?scope=district").header(HttpHeaders.ACCEPT_LANGUAGE, "es")
			.exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody())
			.contains("\"templateTitle\":\"Práctica con datos formativos\"");
		data.as(teacher).get().uri("/api/v1/enrollments/" + enrolmentId).header(HttpHeaders.ACCEPT_LANGUAGE, "es-US,es")
			.exchange().expectStatus().isOk().expectBody().jsonPath("$.templateTitle")
			.isEqualTo("Práctica con datos formativos");
		data.as(teacher).get().uri("/api/v1/enrollments/" + enrolmentId).exchange().expectStatus().isOk()
			.expectBody().jsonPath("$.templateTitle").isEqualTo("Practice with formative data");
		// nothing was stored in Spanish: the stored copy is the author's
		assertThat(mongo.findById(enrolmentId, org.cairn.enrollment.Enrollment.class).block().templateTitle())
			.isEqualTo("Practice with formative data");
	}

	private static TemplateContent content(Template t, TemplateTranslation es) {
		return new TemplateContent(t.title(), t.summary(), t.criteria(), t.artwork(), t.tags(), t.alignments(),
				t.validFor(), t.scale(), t.proposalRequired(), t.tiers(), null, es);
	}

	private static String text(byte[] pdf) throws Exception {
		PdfReader reader = new PdfReader(pdf);
		StringBuilder text = new StringBuilder();
		for (int page = 1; page <= reader.getNumberOfPages(); page++) {
			text.append(new PdfTextExtractor(reader).getTextFromPage(page)).append('\n');
		}
		return text.toString().replaceAll("\\s+", " ");
	}

}
