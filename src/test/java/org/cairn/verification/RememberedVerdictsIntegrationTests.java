package org.cairn.verification;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.cairn.account.Person;
import org.cairn.account.Role;
import org.cairn.district.District;
import org.cairn.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A shared badge verified again gets the remembered report ({@link Verdicts}) only while nothing it read changed:
 * revoked on the very next verification after the revocation, and never a remembered verdict for a forged or
 * altered JWS. Real signatures, the real store, documents from memory as in production.
 */
@Import(IssuedBadges.class)
class RememberedVerdictsIntegrationTests extends IntegrationTest {

	@Autowired
	IssuedBadges badges;

	@Autowired
	Verifier verifier;

	@Autowired
	JsonMapper json;

	private record Issued(Person admin, JsonNode badge) {
	}

	private Issued signedBadge() {
		District district = data.district();
		Person admin = data.person(district, Role.DISTRICT_ADMIN);
		Person teacher = data.person(district, Role.TEACHER);
		badges.mode(data.as(admin), "SIGNED");
		return new Issued(admin, badges.issue(district, teacher, data.as(teacher)));
	}

	@Test
	void aRevokedBadgeReadsRevokedOnTheVerificationRightAfterTheRevocation() {
		Issued issued = signedBadge();
		String jws = issued.badge().get("jws").asString();
		int before = verifier.remembered();

		String first = verify(jws);
		assertThat(json.readTree(first).get("valid").asBoolean()).isTrue();
		assertThat(verifier.remembered()).as("a valid verdict of a Cairn badge is remembered").isEqualTo(before + 1);
		long recalled = verifier.recalled();
		String again = verify(jws);
		assertThat(verifier.recalled()).as("the second verification is answered from memory").isEqualTo(recalled + 1);
		assertThat(again).as("the remembered report is the report").isEqualTo(first);

		data.as(issued.admin()).post().uri("/api/v1/assertions/{id}/revoke", issued.badge().get("id").asString())
			.contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("reason", "Awarded in error"))
			.exchange().expectStatus().isOk();

		recalled = verifier.recalled();
		JsonNode revoked = json.readTree(verify(jws));
		assertThat(verifier.recalled()).as("not from memory after the revocation").isEqualTo(recalled);
		assertThat(revoked.get("valid").asBoolean()).isFalse();
		assertThat(VerificationApiIntegrationTests.failed(revoked)).containsExactly("revocation");
		assertThat(json.readTree(verify(jws)).get("valid").asBoolean()).as("and stays revoked").isFalse();
	}

	@Test
	void aForgedOrAlteredJwsNeverGetsARememberedVerdict() {
		String jws = signedBadge().badge().get("jws").asString();
		assertThat(json.readTree(verify(jws)).get("valid").asBoolean()).isTrue();
		int remembered = verifier.remembered();
		String[] parts = jws.split("\\.");

		ObjectNode payload = (ObjectNode) json.readTree(Base64.getUrlDecoder().decode(parts[1]));
		String forgedPayload = parts[0] + "." + b64(json.writeValueAsString(payload.put("narrative", "forged")))
				+ "." + parts[2];
		char last = parts[2].charAt(parts[2].length() - 2);
		String alteredSignature = parts[0] + "." + parts[1] + "." + parts[2].substring(0, parts[2].length() - 2)
				+ (last == 'A' ? 'B' : 'A') + parts[2].charAt(parts[2].length() - 1);
		String truncated = jws.substring(0, jws.length() - 4);
		for (String forged : new String[] { forgedPayload, alteredSignature, truncated }) {
			for (int i = 0; i < 2; i++) {
				JsonNode report = json.readTree(verify(forged));
				assertThat(report.get("valid").asBoolean()).as(forged).isFalse();
			}
		}
		assertThat(verifier.remembered()).as("nothing remembered for forged input").isEqualTo(remembered);
		assertThat(json.readTree(verify(jws)).get("valid").asBoolean()).as("the genuine one still verifies").isTrue();
	}

	@Test
	void theRecipientIsPartOfWhatIsRemembered() {
		String jws = signedBadge().badge().get("jws").asString();
		JsonNode noRecipient = json.readTree(verify(jws));
		assertThat(noRecipient.get("valid").asBoolean()).isTrue();
		JsonNode someoneElse = verify(Map.of("jws", jws, "recipient", "someone.else@example.org"));
		assertThat(someoneElse.get("valid").asBoolean()).isFalse();
		assertThat(VerificationApiIntegrationTests.failed(someoneElse)).containsExactly("recipient.match");
	}

	@Test
	void aRememberedReportIsAnsweredWithTheHeadersAndBytesOfTheFullAnswer() {
		Issued issued = signedBadge();
		String jws = issued.badge().get("jws").asString();
		EntityExchangeResult<byte[]> full = post(jws, "application/json", "");
		long recalled = verifier.recalled();
		for (String accept : new String[] { "application/json", "*/*", "", "application/json, */*;q=0.5" }) {
			EntityExchangeResult<byte[]> again = post(jws, accept, "");
			assertThat(again.getResponseBody()).as("Accept: " + accept).isEqualTo(full.getResponseBody());
			assertThat(headers(again)).as("Accept: " + accept).isEqualTo(headers(full));
			assertThat(again.getResponseHeaders().get(HttpHeaders.SET_COOKIE)).as("no cookie for a verifier").isNull();
		}
		assertThat(verifier.recalled()).as("all four answered from memory").isEqualTo(recalled + 4);

		EntityExchangeResult<byte[]> page = post(jws, "text/html", "");
		assertThat(page.getResponseHeaders().getContentType().toString()).startsWith("text/html");

		// a district's trust marks are applied to a remembered report, and never stay on it for the next caller
		String issuerId = json.readTree(full.getResponseBody()).get("issuer").get("id").asString();
		data.as(issued.admin()).post().uri("/api/v1/district/trusted-issuers").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("issuerId", issuerId, "name", "Our own district")).exchange().expectStatus().isCreated();
		JsonNode forDistrict = json.readTree(
				post(jws, "application/json", "?district=" + issued.admin().districtId()).getResponseBody());
		assertThat(forDistrict.get("issuer").get("recognised").asBoolean()).isTrue();
		assertThat(post(jws, "application/json", "").getResponseBody()).as("the next anonymous verifier's answer")
			.isEqualTo(full.getResponseBody());
		assertThat(verifier.recalled()).isEqualTo(recalled + 7);
	}

	@Test
	void aRememberedReportSpeaksEachReadersLanguage() {
		String jws = signedBadge().badge().get("jws").asString();
		JsonNode english = json.readTree(post(jws, "application/json", "").getResponseBody());
		long recalled = verifier.recalled();
		JsonNode spanish = json.readTree(post(jws, "application/json", "?lang=es").getResponseBody());
		JsonNode englishAgain = json.readTree(post(jws, "application/json", "").getResponseBody());
		assertThat(verifier.recalled()).as("both answered from memory").isEqualTo(recalled + 2);
		// the bytes are written once per language: a Spanish reader must not get the English ones, nor the reverse
		assertThat(sentences(spanish)).isNotEqualTo(sentences(english));
		assertThat(sentences(spanish)).as("Spanish sentences").anyMatch(s -> s.contains("Emitid") || s.contains("firm"));
		assertThat(sentences(englishAgain)).isEqualTo(sentences(english));
	}

	private static List<String> sentences(JsonNode report) {
		List<String> sentences = new java.util.ArrayList<>();
		report.get("checks").forEach(check -> sentences.add(check.path("sentence").asString("")));
		return sentences;
	}

	private EntityExchangeResult<byte[]> post(String jws, String accept, String query) {
		return http.post().uri("/api/v1/verifications" + query).contentType(MediaType.APPLICATION_JSON)
			.headers(h -> {
				if (!accept.isEmpty()) {
					h.set(HttpHeaders.ACCEPT, accept);
				}
			})
			.bodyValue(Map.of("jws", jws)).exchange().expectStatus().isOk().expectBody().returnResult();
	}

	/** Every response header but those that differ per request. */
	private static Map<String, List<String>> headers(EntityExchangeResult<byte[]> result) {
		Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		result.getResponseHeaders().forEach(headers::put);
		headers.remove("X-Request-Id");
		headers.remove("Date");
		return headers;
	}

	private String verify(String jws) {
		return verifyRaw(Map.of("jws", jws));
	}

	private JsonNode verify(Map<String, String> body) {
		return json.readTree(verifyRaw(body));
	}

	private String verifyRaw(Map<String, String> body) {
		return new String(http.post().uri("/api/v1/verifications").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body).exchange().expectStatus().isOk()
			.expectBody().returnResult().getResponseBody(), StandardCharsets.UTF_8);
	}

	private static String b64(String text) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
	}

}
