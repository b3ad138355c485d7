package org.cairn.template;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.cairn.account.Person;
import org.cairn.account.Role;
import org.cairn.award.Award;
import org.cairn.award.AwardGranted;
import org.cairn.award.AwardRepository;
import org.cairn.district.District;
import org.cairn.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cairn.template.TemplateApi.errorFields;
import static org.cairn.template.TemplateApi.map;

/**
 * Issue 12 over real HTTP: hostile artwork is refused on upload and on import, and artwork stored before the
 * allow-list existed is served inert (rebuilt, with the SVG Content-Security-Policy) in the baked badge another
 * district's admin may open.
 */
class ArtworkSafetyIntegrationTests extends IntegrationTest {

	/** The cross-tenant XSS of issue 12, with a tracking beacon in a style sheet. */
	static final String XSS = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 100 100\">"
			+ "<style>rect{fill:url(http://127.0.0.1:9/beacon)}</style>"
			+ "<a><set attributeName=\"href\" to=\"javascript:fetch('/api/v1/people').then(r=>r.text()).then(alert)\"/>"
			+ "<rect width=\"100\" height=\"100\" fill=\"#2f5d8a\"/></a></svg>";

	static final String CPU_BOMB = cpuBomb();

	@Autowired
	ReactiveMongoTemplate mongo;

	@Autowired
	AwardRepository awards;

	@Autowired
	ApplicationEventPublisher events;

	@Test
	void hostileArtworkIsRefusedOnUploadWithWhatWasWrongInPlainWordsAndNothingIsStored() {
		TemplateApi admin = new TemplateApi(data.as(data.person(data.district(), Role.DISTRICT_ADMIN)));
		Map<String, Object> content = TemplateApi.simple("Hostile artwork");
		content.put("artwork", HostileArtworkTests.dataUri(XSS));

		JsonNode refused = admin.post("/api/v1/templates", content, 422);
		assertThat(errorFields(refused)).containsExactly("artwork");
		assertThat(refused.get("detail").asString()).contains("animation (<set>)")
			.contains("a reference to something outside the image")
			.contains("Remove them and add the artwork again");
		assertThat(admin.get("/api/v1/templates")).isEmpty();

		// A draft cannot be edited to hold it either; its artwork stays what it was.
		content.put("artwork", TemplateApi.SVG);
		String id = admin.post("/api/v1/templates", content, 201).get("id").asString();
		content.put("artwork", HostileArtworkTests.dataUri(CPU_BOMB));
		JsonNode bomb = admin.put("/api/v1/templates/" + id, content, 422);
		assertThat(bomb.get("detail").asString()).contains("numOctaves 1000; at most 3");
		assertThat(admin.get("/api/v1/templates/" + id).get("content").get("artwork").asString())
			.isEqualTo(TemplateApi.SVG);
	}

	@Test
	void hostileArtworkIsRefusedOnTemplateImport() {
		TemplateApi admin = new TemplateApi(data.as(data.person(data.district(), Role.DISTRICT_ADMIN)));
		Map<String, Object> template = TemplateApi.simple("Shared with a surprise");
		template.put("artwork", HostileArtworkTests.dataUri(XSS));

		JsonNode refused = admin.post("/api/v1/templates/import",
				map("format", "cairn.template/1", "template", template), 422);

		assertThat(errorFields(refused)).containsExactly("template.artwork");
		assertThat(refused.get("detail").asString()).contains("animation (<set>)");
		assertThat(admin.get("/api/v1/templates")).isEmpty();
	}

	@Test
	void artworkStoredBeforeTheAllowListIsServedInertWithItsPolicyInTheBakedBadgeAndItsPng() {
		District district = data.district();
		Person teacher = data.person(district, Role.TEACHER);
		Template stored = storedWithArtwork(district, HostileArtworkTests.dataUri(XSS));
		String assertionId = issue(teacher, stored);

		var svg = http.get().uri("/public/assertions/{id}/image?format=svg", assertionId).exchange()
			.expectStatus().isOk()
			.expectHeader().contentType("image/svg+xml")
			.expectHeader().valueEquals("Content-Security-Policy",
					"default-src 'none'; style-src 'unsafe-inline'; img-src data:")
			.expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
			.expectBody(String.class).returnResult().getResponseBody();
		assertThat(svg).contains("<openbadges:assertion").contains("fill=\"#2f5d8a\"");
		HostileArtworkTests.assertInert(svg.replaceAll("(?s)<openbadges:assertion.*?(/>|</openbadges:assertion>)", "")
			.replace("xmlns:openbadges=\"http://openbadges.org\"", "")
			.getBytes(StandardCharsets.UTF_8));

		http.get().uri("/public/assertions/{id}/image?format=png", assertionId).exchange()
			.expectStatus().isOk().expectHeader().contentType(MediaType.IMAGE_PNG)
			.expectHeader().valueEquals("X-Content-Type-Options", "nosniff");

		// The issuing district's admin previews it as PNG: drawn from the rebuilt SVG.
		var admin = data.as(data.person(district, Role.DISTRICT_ADMIN));
		admin.get().uri("/api/v1/templates/{id}/artwork.png?size=64", stored.id()).exchange()
			.expectStatus().isOk().expectHeader().contentType(MediaType.IMAGE_PNG);
	}

	@Test
	void aStoredCpuBombAnswersWithAnImageInsteadOfKeepingTheServerBusy() {
		District district = data.district();
		Template stored = storedWithArtwork(district, HostileArtworkTests.dataUri(CPU_BOMB));
		var admin = data.as(data.person(district, Role.DISTRICT_ADMIN));

		for (int size : new int[] { 1024, 400, 128, 64 }) {
			admin.get().uri("/api/v1/templates/{id}/artwork.png?size=" + size, stored.id()).exchange()
				.expectStatus().isOk().expectHeader().contentType(MediaType.IMAGE_PNG);
		}
	}

	@Test
	void publicPagesRunUnderTheStrictPolicyWithoutInlineStyleOrScript() {
		District district = data.district();
		Template stored = storedWithArtwork(district, TemplateApi.SVG);
		String assertionId = issue(data.person(district, Role.TEACHER), stored);

		String page = http.get().uri("/public/assertions/{id}", assertionId).accept(MediaType.TEXT_HTML).exchange()
			.expectStatus().isOk()
			.expectHeader().valueMatches("Content-Security-Policy",
					".*default-src 'self'; script-src 'self'; style-src 'self';.*object-src 'none'; base-uri 'none'; "
							+ "frame-ancestors 'none'; form-action 'self'.*")
			.expectHeader().valueEquals("Referrer-Policy", "same-origin")
			.expectHeader().exists("Permissions-Policy")
			.expectBody(String.class).returnResult().getResponseBody();
		assertThat(page).doesNotContain("<style", "<script", " style=").contains("href=\"/pages.css\"");
		String css = http.get().uri("/pages.css").exchange().expectStatus().isOk()
			.expectHeader().contentTypeCompatibleWith("text/css")
			.expectBody(String.class).returnResult().getResponseBody();
		assertThat(css).contains(".status{").contains(".passed{");
	}

	private Template storedWithArtwork(District district, String artwork) {
		Template t = TemplateApiStored.template(district.id(), artwork);
		return mongo.insert(t).block();
	}

	private String issue(Person teacher, Template template) {
		Award award = awards.save(new Award(null, "test:" + UUID.randomUUID(), teacher.districtId(), teacher.id(),
				"enrol-" + UUID.randomUUID(), template.id(), "tier-1", 0, Instant.now(), List.of(), null, null))
			.block();
		events.publishEvent(new AwardGranted(award.id()));
		for (int i = 0; i < 1200; i++) {
			Award current = awards.findById(award.id()).block();
			if (current.assertionId() != null) {
				return current.assertionId();
			}
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError(ex);
			}
		}
		throw new AssertionError("award " + award.id() + " was not issued");
	}

	private static String cpuBomb() {
		StringBuilder bomb = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 400 400\">")
			.append("<defs><filter id=\"f\"><feTurbulence baseFrequency=\"0.9\" numOctaves=\"1000\"/>")
			.append("<feGaussianBlur stdDeviation=\"500\"/><feMorphology radius=\"500\"/></filter></defs>");
		for (int i = 0; i < 20; i++) {
			bomb.append("<rect x=\"").append(i).append("\" width=\"400\" height=\"400\" filter=\"url(#f)\"/>");
		}
		return bomb.append("</svg>").toString();
	}

}
