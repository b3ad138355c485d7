package org.cairn.issuing;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.util.Base64;
import java.util.Map;

import org.cairn.account.Person;
import org.cairn.account.Role;
import org.cairn.award.Award;
import org.cairn.district.District;
import org.cairn.support.IntegrationTest;
import org.cairn.template.Template;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Badges as Cairn issues them, hosted, signed and baked, checked by {@link IndependentVerifier}, which follows the
 * specification's verification steps and shares no code with issuing.
 */
@Import(IssuingFixtures.class)
class IndependentVerificationIntegrationTests extends IntegrationTest {

	private static final String BASE = "https://cairn.test";

	@Autowired
	IssuingFixtures fixtures;

	@Autowired
	JsonMapper json;

	@Autowired
	Clock clock;

	private IndependentVerifier verifier;

	@BeforeEach
	void verifier() {
		verifier = new IndependentVerifier(url -> {
			assertThat(url).as("every link stays on the issuer's origin").startsWith(BASE);
			EntityExchangeResult<byte[]> result = http.get().uri(url.substring(BASE.length()))
				.accept(MediaType.parseMediaType("application/ld+json"), MediaType.APPLICATION_JSON)
				.exchange().expectBody().returnResult();
			return new IndependentVerifier.Fetched(result.getStatus().value(),
					String.valueOf(result.getResponseHeaders().getContentType()),
					result.getResponseBody() == null ? "" : new String(result.getResponseBody(), StandardCharsets.UTF_8));
		}, json);
	}

	@Test
	void hostedSignedAndBakedPngAndSvgBadgesPassAnIndependentVerifier() throws Exception {
		District district = data.district();
		Person admin = data.person(district, Role.DISTRICT_ADMIN);
		Person teacher = data.person(district, Role.TEACHER);
		Template template = fixtures.template(district, Period.ofYears(3));

		JsonNode hosted = view(admin, fixtures.grant(fixtures.award(teacher, template, null)));
		assertThat(hosted.get("mode").asString()).isEqualTo("HOSTED");
		assertValid(verifier.verifyHosted(hosted.get("url").asString(), teacher.email(), now()));
		assertValid(verifier.verifyPng(png(hosted), teacher.email(), now()));
		assertValid(verifier.verifySvg(svg(hosted), teacher.email(), now()));
		assertThat(verifier.verifyHosted(hosted.get("url").asString(), "someone.else@example.org", now()).failures())
			.containsOnlyKeys("recipient");

		signed(admin);
		JsonNode signed = view(admin, fixtures.grant(fixtures.award(teacher, template, "tier-1")));
		assertThat(signed.get("mode").asString()).isEqualTo("SIGNED");
		assertValid(verifier.verifySigned(signed.get("jws").asString(), teacher.email(), now()));
		assertThat(IndependentVerifier.pngPayload(png(signed))).isEqualTo(signed.get("jws").asString());
		assertValid(verifier.verifyPng(png(signed), teacher.email(), now()));
		assertValid(verifier.verifySvg(svg(signed), teacher.email(), now()));

		String jws = signed.get("jws").asString();
		String[] parts = jws.split("\\.");
		Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
		String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
		String backdated = payload.replaceFirst("\"issuedOn\":\"\\d{4}", "\"issuedOn\":\"2001");
		assertThat(backdated).isNotEqualTo(payload);
		String forged = parts[0] + "." + encoder.encodeToString(backdated.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
		assertThat(verifier.verifySigned(forged, teacher.email(), now()).failures()).containsOnlyKeys("jws-signature");
		String garbled = parts[0] + "." + parts[1].substring(0, parts[1].length() - 4) + "AAAA." + parts[2];
		assertThat(verifier.verifySigned(garbled, teacher.email(), now()).failures()).containsOnlyKeys("jws-payload");
	}

	@Test
	void aRevokedBadgeFailsWithItsReasonAndAnExpiredOneFailsAsExpired() throws Exception {
		District district = data.district();
		Person admin = data.person(district, Role.DISTRICT_ADMIN);
		Person teacher = data.person(district, Role.TEACHER);
		Template template = fixtures.template(district, Period.ofYears(1));

		JsonNode hosted = view(admin, fixtures.grant(fixtures.award(teacher, template, null)));
		assertValid(verifier.verifyHosted(hosted.get("url").asString(), teacher.email(), now()));
		IndependentVerifier.Report expired = verifier.verifyHosted(hosted.get("url").asString(), teacher.email(),
				now().plus(Duration.ofDays(367)));
		assertThat(expired.failures()).containsOnlyKeys("not-expired");
		revoke(admin, hosted, "Evidence was not the teacher's own");
		IndependentVerifier.Report revoked = verifier.verifyHosted(hosted.get("url").asString(), teacher.email(), now());
		assertThat(revoked.failures()).containsKey("not-revoked");
		assertThat(revoked.revocationReason()).isEqualTo("Evidence was not the teacher's own");

		signed(admin);
		JsonNode signed = view(admin, fixtures.grant(fixtures.award(teacher, template, "tier-1")));
		byte[] png = png(signed);
		assertValid(verifier.verifyPng(png, teacher.email(), now()));
		assertThat(verifier.verifySigned(signed.get("jws").asString(), teacher.email(), now().plus(Duration.ofDays(367)))
			.failures()).containsOnlyKeys("not-expired");
		revoke(admin, signed, "Awarded in error");
		// the badge already downloaded still fails: the revocation list names it
		IndependentVerifier.Report signedRevoked = verifier.verifyPng(png, teacher.email(), now());
		assertThat(signedRevoked.failures()).containsOnlyKeys("not-revoked");
		assertThat(signedRevoked.revocationReason()).isEqualTo("Awarded in error");
	}

	@Test
	void aBadgeSignedWithARotatedOutKeyStillVerifiesButOneSignedWithARevokedKeyDoesNot() throws Exception {
		District district = data.district();
		Person admin = data.person(district, Role.DISTRICT_ADMIN);
		Person teacher = data.person(district, Role.TEACHER);
		signed(admin);
		Template template = fixtures.template(district, null);
		JsonNode before = view(admin, fixtures.grant(fixtures.award(teacher, template, "tier-1")));
		String oldKey = json.readTree(data.as(admin).get().uri("/api/v1/keys").exchange().expectStatus().isOk()
			.expectBody().returnResult().getResponseBody()).get(0).get("id").asString();
		data.as(admin).mutate().responseTimeout(Duration.ofSeconds(60)).build().post().uri("/api/v1/keys/rotations")
			.contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("fromKeyId", oldKey)).exchange()
			.expectStatus().isOk();
		JsonNode after = view(admin, fixtures.grant(fixtures.award(teacher, template, null)));
		assertThat(creator(after)).isNotEqualTo(creator(before));

		assertValid(verifier.verifySigned(before.get("jws").asString(), teacher.email(), now()));
		assertValid(verifier.verifySigned(after.get("jws").asString(), teacher.email(), now()));

		data.as(admin).post().uri("/api/v1/keys/{id}/revoke", oldKey).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("reason", "laptop stolen")).exchange().expectStatus().isOk();
		assertThat(verifier.verifySigned(before.get("jws").asString(), teacher.email(), now()).failures())
			.containsKey("key-authorized");
		assertThat(verifier.verifyPng(png(before), teacher.email(), now()).valid()).isFalse();
		assertValid(verifier.verifySigned(after.get("jws").asString(), teacher.email(), now()));
	}

	/** Verification happens after issuing, as it would for anyone receiving the badge. */
	private Instant now() {
		return clock.instant();
	}

	private static void assertValid(IndependentVerifier.Report report) {
		assertThat(report.failures()).as("failed checks").isEmpty();
		assertThat(report.valid()).isTrue();
	}

	private void signed(Person admin) {
		data.as(admin).put().uri("/api/v1/issuing/settings").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("defaultMode", "SIGNED", "showStipend", false, "showHours", false))
			.exchange().expectStatus().isOk();
	}

	private void revoke(Person admin, JsonNode assertion, String reason) {
		data.as(admin).post().uri("/api/v1/assertions/{id}/revoke", assertion.get("id").asString())
			.contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("reason", reason)).exchange()
			.expectStatus().isOk();
	}

	private JsonNode view(Person admin, Award award) {
		return json.readTree(data.as(admin).get().uri("/api/v1/assertions/{id}", award.assertionId()).exchange()
			.expectStatus().isOk().expectBody().returnResult().getResponseBody());
	}

	private String creator(JsonNode view) {
		return json.readTree(java.util.Base64.getUrlDecoder().decode(view.get("jws").asString().split("\\.")[1]))
			.get("verification").get("creator").asString();
	}

	private byte[] png(JsonNode view) {
		return http.get().uri(view.get("pngUrl").asString().substring(BASE.length())).exchange()
			.expectStatus().isOk().expectBody().returnResult().getResponseBody();
	}

	private String svg(JsonNode view) {
		return new String(http.get().uri(view.get("svgUrl").asString().substring(BASE.length())).exchange()
			.expectStatus().isOk().expectBody().returnResult().getResponseBody(), StandardCharsets.UTF_8);
	}

}
