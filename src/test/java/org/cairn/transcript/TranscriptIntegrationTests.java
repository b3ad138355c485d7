package org.cairn.transcript;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.Period;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.lowagie.text.pdf.PRStream;
import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfNameTree;
import com.lowagie.text.pdf.PdfObject;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.PdfString;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import org.cairn.account.Person;
import org.cairn.account.Role;
import org.cairn.award.AwardRepository;
import org.cairn.district.District;
import org.cairn.support.IntegrationTest;
import org.cairn.template.Alignment;
import org.cairn.template.Requirement;
import org.cairn.template.RequirementKind;
import org.cairn.template.RubricCriterion;
import org.cairn.template.RubricScale;
import org.cairn.template.Tags;
import org.cairn.template.Template;
import org.cairn.template.TemplateStatus;
import org.cairn.template.Tier;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A teacher's hours and transcript through the real service: badges issued by the real issuing path, the
 * transcript PDF parsed back and every badge in it verified through {@code POST /api/v1/verifications}, and the
 * administrator's CSV.
 */
class TranscriptIntegrationTests extends IntegrationTest {

	@Autowired
	ReactiveMongoTemplate mongo;

	@Autowired
	AwardRepository awards;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	JsonMapper json;

	@Test
	void aTeachersTranscriptListsEveryBadgeWithItsHoursAndEachOneVerifies() throws Exception {
		District district = data.district();
		Person admin = data.person(district, Role.DISTRICT_ADMIN);
		Person teacher = data.person(district, Role.TEACHER);
		WebTestClient asAdmin = data.as(admin);
		WebTestClient asTeacher = data.as(teacher);
		asAdmin.put().uri("/api/v1/issuing/settings").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("defaultMode", "SIGNED", "showStipend", false, "showHours", true, "signatoryName",
					"Dr. Ada Whitfield", "signatoryTitle", "Superintendent"))
			.exchange().expectStatus().isOk();
		asAdmin.put().uri("/api/v1/hours/settings").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("creditName", "license-renewal hours")).exchange().expectStatus().isOk();
		asTeacher.put().uri("/api/v1/hours/settings").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("creditName", "CEUs")).exchange().expectStatus().isForbidden();

		Template template = mongo.insert(template(district)).block();
		List<String> issued = List.of(issue(teacher, template, "tier-1"), issue(teacher, template, "tier-2"));

		JsonNode hours = get(asTeacher, "/api/v1/me/hours");
		assertThat(hours.get("creditName").asString()).isEqualTo("license-renewal hours");
		assertThat(hours.get("years")).hasSize(1);
		JsonNode year = hours.get("years").get(0);
		assertThat(year.get("fiscalYear").asString()).isEqualTo(hours.get("currentFiscalYear").asString());
		assertThat(year.get("credits").asDouble()).isEqualTo(11.5);
		assertThat(year.get("badges").asInt()).isEqualTo(2);
		assertThat(hours.get("badges").findValuesAsString("assertionId")).containsExactlyInAnyOrderElementsOf(issued);

		byte[] pdf = asTeacher.get().uri("/api/v1/me/transcript.pdf").exchange().expectStatus().isOk()
			.expectHeader().contentType(MediaType.APPLICATION_PDF)
			.expectHeader().valueMatches("Content-Disposition", "attachment; filename=\"transcript-.*\\.pdf\"")
			.expectBody().returnResult().getResponseBody();
		PdfReader reader = new PdfReader(pdf);
		StringBuilder text = new StringBuilder();
		for (int page = 1; page <= reader.getNumberOfPages(); page++) {
			text.append(new PdfTextExtractor(reader).getTextFromPage(page)).append('\n');
		}
		String shown = text.toString().replaceAll("\\s+", " ");
		assertThat(shown).contains("Professional learning transcript", teacher.displayName(), district.name(),
				": 11.5 license-renewal hours from 2 badges", "Practice with formative data: Tier 1",
				"7.5 license-renewal hours", "Dr. Ada Whitfield", "Superintendent");
		Map<String, String> attached = attachments(reader);
		reader.close();
		JsonNode manifest = json.readTree(attached.get("cairn-transcript.json"));
		assertThat(manifest.get("recipient").asString()).isEqualTo(teacher.displayName());
		assertThat(manifest.get("badges").findValuesAsString("assertionId")).containsExactlyInAnyOrderElementsOf(issued);
		for (JsonNode listed : manifest.get("badges")) {
			String url = listed.get("verificationUrl").asString();
			assertThat(shown).contains("Verify at " + url);
			String jws = attached.get(listed.get("attachment").asString());
			assertThat(jws).as("the signed assertion of " + listed.get("name")).isNotBlank();
			JsonNode report = json.readTree(http.post().uri("/api/v1/verifications")
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(Map.of("jws", jws, "recipient", teacher.email()))
				.exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody());
			assertThat(report.get("valid").asBoolean()).as(report.toString()).isTrue();
		}

		// the whole transcript dropped on the verifier: one report per badge it carries, each valid
		JsonNode whole = verifyFile(pdf, teacher.email());
		assertThat(whole.get("valid").asBoolean()).as(whole.toString()).isTrue();
		assertThat(whole.get("kind").asString()).isEqualTo("Transcript");
		assertThat(whole.get("input").asString()).isEqualTo("pdf");
		assertThat(whole.get("badges")).hasSize(2);
		for (JsonNode badge : whole.get("badges")) {
			assertThat(badge.get("report").get("valid").asBoolean()).as(badge.toString()).isTrue();
			assertThat(badge.get("report").get("recipient").get("matched").asBoolean()).isTrue();
			assertThat(badge.get("attachment").asString()).startsWith("openbadges-assertion-");
		}
		assertThat(whole.get("badges").valueStream().map(b -> b.get("name").asString())).containsExactlyInAnyOrder(
				"Practice with formative data: Tier 1", "Practice with formative data: Tier 2");
		String page = http.post().uri("/api/v1/verifications").contentType(MediaType.APPLICATION_PDF)
			.accept(MediaType.TEXT_HTML).bodyValue(pdf).exchange().expectStatus().isOk()
			.expectBody(String.class).returnResult().getResponseBody();
		assertThat(page).contains("Every badge in this transcript is valid", "2 badges in this transcript",
				"Practice with formative data: Tier 2");

		// the administrator's export for the state: one line per teacher, the period's total
		String csv = asAdmin.get().uri("/api/v1/hours/export.csv").exchange().expectStatus().isOk()
			.expectHeader().contentTypeCompatibleWith("text/csv")
			.expectBody(String.class).returnResult().getResponseBody();
		List<String> lines = csv.lines().toList();
		assertThat(lines.get(0)).isEqualTo("person_email,person_name,school,credit_type,period_start,period_end,credits,badges");
		assertThat(lines).hasSize(2);
		assertThat(lines.get(1)).startsWith(teacher.email() + "," + teacher.displayName() + ",Central High,license-renewal hours,")
			.endsWith(",11.5,2");
		asTeacher.get().uri("/api/v1/hours/export.csv").exchange().expectStatus().isForbidden();
		asAdmin.get().uri("/api/v1/hours/export.csv?fiscalYear=last").exchange().expectStatus().isEqualTo(422)
			.expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		// another district's administrator sees none of it
		String elsewhere = data.as(data.person(data.district(), Role.DISTRICT_ADMIN)).get()
			.uri("/api/v1/hours/export.csv").exchange().expectStatus().isOk()
			.expectBody(String.class).returnResult().getResponseBody();
		assertThat(elsewhere.lines()).hasSize(1);

		// a revoked badge leaves the hours at once
		asAdmin.post().uri("/api/v1/assertions/" + issued.get(0) + "/revoke").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("reason", "Awarded in error")).exchange().expectStatus().isOk();
		assertThat(get(asTeacher, "/api/v1/me/hours").get("years").get(0).get("credits").asDouble()).isEqualTo(4.0);
		// the transcript downloaded before no longer verifies as a whole: the revoked badge in it is refused
		JsonNode after = verifyFile(pdf, null);
		assertThat(after.get("valid").asBoolean()).isFalse();
		assertThat(after.get("badges").valueStream().filter(b -> !b.get("report").get("valid").asBoolean())
			.map(b -> b.get("attachment").asString())).containsExactly("openbadges-assertion-" + issued.get(0) + ".jws");
	}

	private JsonNode verifyFile(byte[] pdf, String recipient) {
		return json.readTree(http.post()
			.uri(recipient == null ? "/api/v1/verifications" : "/api/v1/verifications?recipient=" + recipient)
			.contentType(MediaType.APPLICATION_PDF).bodyValue(pdf).exchange().expectStatus().isOk().expectBody()
			.returnResult().getResponseBody());
	}

	private JsonNode get(WebTestClient client, String uri) {
		return json.readTree(client.get().uri(uri).exchange().expectStatus().isOk().expectBody().returnResult()
			.getResponseBody());
	}

	/** The embedded files of a PDF, by file name. */
	static Map<String, String> attachments(PdfReader reader) throws Exception {
		Map<String, String> files = new LinkedHashMap<>();
		PdfDictionary names = reader.getCatalog().getAsDict(PdfName.NAMES);
		PdfDictionary embedded = names.getAsDict(PdfName.EMBEDDEDFILES);
		for (PdfObject value : PdfNameTree.readTree(embedded).values()) {
			PdfDictionary spec = (PdfDictionary) PdfReader.getPdfObject(value);
			String name = ((PdfString) PdfReader.getPdfObject(spec.get(PdfName.F))).toUnicodeString();
			PRStream stream = (PRStream) PdfReader.getPdfObject(spec.getAsDict(PdfName.EF).get(PdfName.F));
			files.put(name, new String(PdfReader.getStreamBytes(stream), StandardCharsets.UTF_8));
		}
		return files;
	}

	private String issue(Person teacher, Template template, String tierKey) throws InterruptedException {
		return TierBadges.issue(awards, events, "transcript-test", teacher, template, tierKey);
	}

	static Template template(District district) {
		RubricCriterion criterion = new RubricCriterion("c1", "Uses formative data",
				List.of("Data not used", "Data used to adjust instruction"));
		Requirement reflection = new Requirement("r1", RequirementKind.REFLECTION, "Reflection",
				"Describe how you used formative data.", 10, 600, null, null, null, null, null, List.of(criterion),
				null);
		List<Tier> tiers = new ArrayList<>();
		tiers.add(new Tier("tier-1", "Tier 1", "Research.", List.of(), true, 0, null, 8, 7.5, List.of(reflection)));
		tiers.add(new Tier("tier-2", "Tier 2", "Practice.", List.of("tier-1"), true, 0, null, 4, 4.0,
				List.of(reflection)));
		return new Template(null, district.id(), UUID.randomUUID().toString(), 1, TemplateStatus.PUBLISHED,
				"Practice with formative data", "Uses formative data to adjust instruction.",
				"Pass every requirement.", null, new Tags(List.of("Math"), List.of("6-8"), List.of()),
				List.of(new Alignment("Using Assessment in Instruction", "https://danielsongroup.org/",
						"Teacher uses assessment", "Danielson Framework for Teaching", "FFT.3d")),
				Period.ofYears(3), RubricScale.twoLevel(), false, tiers, null, Instant.now(), Instant.now(), null);
	}

}
