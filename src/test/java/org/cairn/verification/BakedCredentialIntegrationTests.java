package org.cairn.verification;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.cairn.account.Person;
import org.cairn.account.Role;
import org.cairn.baking.PngBaking;
import org.cairn.district.District;
import org.cairn.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Open Badges 3.0 credential baked into the badge image (OB 3.0 "Baked Badge"): a PNG {@code openbadgecredential}
 * iTXt chunk and an SVG {@code openbadges:credential} element, each a download of its own beside the 2.0-baked image
 * (which keeps only the 2.0 assertion). Uploaded to the verifier, each is taken out and verified; one whose
 * credential was altered is refused.
 */
@Import(IssuedBadges.class)
class BakedCredentialIntegrationTests extends IntegrationTest {

	@Autowired
	IssuedBadges badges;

	@Autowired
	JsonMapper json;

	@Test
	void theCredentialBakedIntoPngAndSvgVerifiesAndATamperedOneIsRefused() {
		District district = data.district();
		Person admin = data.person(district, Role.DISTRICT_ADMIN);
		Person teacher = data.person(district, Role.TEACHER);
		badges.mode(patient(data.as(admin)), "SIGNED");
		WebTestClient asTeacher = patient(data.as(teacher));
		String id = badges.issue(district, teacher, asTeacher).get("id").asString();
		String credential = new String(bytes("/public/credentials/" + id, "application/ld+json"), StandardCharsets.UTF_8);

		byte[] png = bytes("/public/assertions/" + id + "/credential-image?format=png", "image/png");
		assertThat(texts(png, "openbadgecredential")).containsExactly(credential);
		assertThat(texts(png, "openbadges")).as("a 3.0 image carries no 2.0 assertion").isEmpty();
		JsonNode report = verify(png, MediaType.IMAGE_PNG, teacher.email());
		assertThat(report.get("valid").asBoolean()).as(report.toString()).isTrue();
		assertThat(report.get("input").asString()).isEqualTo("png");
		assertThat(report.get("kind").asString()).isEqualTo("OpenBadgeCredential");
		assertThat(VerificationApiIntegrationTests.outcome(report, "ob3.proof.eddsa-rdfc-2022")).isEqualTo("passed");
		assertThat(VerificationApiIntegrationTests.outcome(report, "recipient.match")).isEqualTo("passed");

		String svg = new String(bytes("/public/assertions/" + id + "/credential-image?format=svg", "image/svg+xml"),
				StandardCharsets.UTF_8);
		assertThat(svg).contains("xmlns:openbadges=\"https://purl.imsglobal.org/ob/v3p0\"", "<openbadges:credential>")
			.doesNotContain("openbadges:assertion");
		JsonNode fromSvg = verify(svg.getBytes(StandardCharsets.UTF_8), MediaType.parseMediaType("image/svg+xml"),
				teacher.email());
		assertThat(fromSvg.get("valid").asBoolean()).as(fromSvg.toString()).isTrue();
		assertThat(fromSvg.get("input").asString()).isEqualTo("svg");

		// today's 2.0-baked image is unchanged: only the signed 2.0 assertion, no credential
		byte[] baked20 = bytes("/public/assertions/" + id + "/image?format=png", "image/png");
		assertThat(texts(baked20, "openbadges")).hasSize(1);
		assertThat(InputProbe.classify(texts(baked20, "openbadges").get(0))).isEqualTo(InputKind.JWS);
		assertThat(texts(baked20, "openbadgecredential")).isEmpty();

		// an altered credential baked into an image is refused: its proof no longer holds
		ObjectNode tampered = (ObjectNode) json.readTree(credential);
		((ObjectNode) tampered.get("credentialSubject").get("achievement")).put("name", "Superintendent Certificate");
		byte[] forgedPng = PngBaking.bakeCredential(bytes("/public/badges/" + badgeClassId(id) + "/image", "image/png"),
				json.writeValueAsString(tampered));
		JsonNode refused = verify(forgedPng, MediaType.IMAGE_PNG, null);
		assertThat(refused.get("valid").asBoolean()).isFalse();
		assertThat(VerificationApiIntegrationTests.failed(refused)).isNotEmpty();
		String forgedSvg = svg.replace(json.readTree(credential).get("credentialSubject").get("achievement")
			.get("name").asString(), "Superintendent Certificate");
		assertThat(forgedSvg).isNotEqualTo(svg);
		JsonNode refusedSvg = verify(forgedSvg.getBytes(StandardCharsets.UTF_8),
				MediaType.parseMediaType("image/svg+xml"), null);
		assertThat(refusedSvg.get("valid").asBoolean()).isFalse();

		patient().get().uri("/public/assertions/" + id + "/credential-image?format=gif").exchange().expectStatus()
			.isBadRequest().expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		// a revoked badge's credential image is gone, like its 2.0 image
		patient(data.as(admin)).post().uri("/api/v1/assertions/" + id + "/revoke").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(java.util.Map.of("reason", "Awarded in error")).exchange().expectStatus().isOk();
		patient().get().uri("/public/assertions/" + id + "/credential-image?format=png").exchange().expectStatus()
			.isEqualTo(410);
	}

	private String badgeClassId(String assertionId) {
		JsonNode assertion = json.readTree(bytes("/public/assertions/" + assertionId, "application/ld+json"));
		String badge = assertion.get("badge").asString();
		return badge.substring(badge.lastIndexOf('/') + 1);
	}

	/** A busy build machine signs slowly (a district's first keys): wait longer than the client's default 5 s. */
	private WebTestClient patient() {
		return patient(http);
	}

	private static WebTestClient patient(WebTestClient client) {
		return client.mutate().responseTimeout(java.time.Duration.ofSeconds(60)).build();
	}

	private byte[] bytes(String uri, String accept) {
		return patient().get().uri(uri).header("Accept", accept).exchange().expectStatus().isOk().expectBody()
			.returnResult().getResponseBody();
	}

	private JsonNode verify(byte[] file, MediaType type, String recipient) {
		return json.readTree(patient().post()
			.uri(recipient == null ? "/api/v1/verifications" : "/api/v1/verifications?recipient=" + recipient)
			.contentType(type).bodyValue(file).exchange().expectStatus().isOk().expectBody().returnResult()
			.getResponseBody());
	}

	/** The texts of the PNG's uncompressed iTXt chunks with this keyword, read here without the verifier's code. */
	private static List<String> texts(byte[] png, String keyword) {
		List<String> found = new ArrayList<>();
		ByteBuffer in = ByteBuffer.wrap(png);
		int pos = 8;
		while (pos + 12 <= png.length) {
			int length = in.getInt(pos);
			String type = new String(png, pos + 4, 4, StandardCharsets.ISO_8859_1);
			if (type.equals("iTXt")) {
				String data = new String(png, pos + 8, length, StandardCharsets.ISO_8859_1);
				if (data.startsWith(keyword + "\0")) {
					// keyword NUL, flag, method, language NUL, translated NUL, text
					int start = keyword.length() + 3;
					start = data.indexOf('\0', start) + 1;
					start = data.indexOf('\0', start) + 1;
					found.add(new String(png, pos + 8 + start, length - start, StandardCharsets.UTF_8));
				}
			}
			pos += 12 + length;
		}
		return found;
	}

}
