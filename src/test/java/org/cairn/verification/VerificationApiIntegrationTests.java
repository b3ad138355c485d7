package org.cairn.verification;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.zip.CRC32;

import org.cairn.account.Person;
import org.cairn.account.Role;
import org.cairn.baking.PngBaking;
import org.cairn.district.District;
import org.cairn.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.web.reactive.function.BodyInserters;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public verification endpoint end to end: Cairn's own badges in every form (JWS, baked PNG and SVG, PDF
 * certificate, hosted URL) verify from memory (https://cairn.test does not resolve: any network round trip would
 * fail); revocation and recipient mismatches show in the named checks; every bad input names its failing check.
 */
@Import(IssuedBadges.class)
class VerificationApiIntegrationTests extends IntegrationTest {

	@Autowired
	IssuedBadges badges;

	@Autowired
	JsonMapper json;

	record Issued(District district, Person teacher, Person admin, JsonNode badge) {
	}

	private static Issued signed;

	private Issued signed() {
		if (signed == null) {
			District district = data.district();
			Person admin = data.person(district, Role.DISTRICT_ADMIN);
			Person teacher = data.person(district, Role.TEACHER);
			badges.mode(data.as(admin), "SIGNED");
			signed = new Issued(district, teacher, admin, badges.issue(district, teacher, data.as(teacher)));
		}
		return signed;
	}

	private Issued hosted() {
		District district = data.district();
		Person admin = data.person(district, Role.DISTRICT_ADMIN);
		Person teacher = data.person(district, Role.TEACHER);
		badges.mode(data.as(admin), "HOSTED");
		return new Issued(district, teacher, admin, badges.issue(district, teacher, data.as(teacher)));
	}

	@Test
	void verifiesACairnSignedBadgeFromItsJwsWithTheRecipient() {
		Issued issued = signed();
		JsonNode report = verify(Map.of("jws", jws(issued), "recipient", issued.teacher().email()));

		assertThat(report.get("valid").asBoolean()).as(report.toString()).isTrue();
		assertThat(outcome(report, "signature.valid")).isEqualTo("passed");
		assertThat(outcome(report, "signature.key")).isEqualTo("passed");
		assertThat(outcome(report, "revocation")).isEqualTo("passed");
		assertThat(outcome(report, "recipient.match")).isEqualTo("passed");
		assertThat(report.get("verificationType").asString()).isEqualTo("signed");
		assertThat(report.get("recipient").get("matched").asBoolean()).isTrue();
		assertThat(report.get("badge").get("name").asString()).contains("Formative Assessment");
		assertThat(report.get("alignments").get(0).get("targetCode").asString()).isEqualTo("3d");
		assertThat(report.get("issuer").get("id").asString()).startsWith("https://cairn.test/public/issuers/");
		assertThat(sentence(report, "signature.valid"))
			.isEqualTo("Issued by " + issued.district().name() + ", whose key signed it.");
		assertThat(sentence(report, "recipient.match")).isEqualTo("Awarded to " + issued.teacher().email() + ".");
	}

	@Test
	void verifiesACairnBadgeBakedInPngSvgAndPdf() {
		Issued issued = signed();
		for (String url : new String[] { "pngUrl", "svgUrl", "certificateUrl" }) {
			byte[] file = download(issued.badge().get(url).asString());
			JsonNode report = upload(file, "badge");
			assertThat(report.get("valid").asBoolean()).as(url + ": " + report).isTrue();
			assertThat(outcome(report, "input.extract")).isEqualTo("passed");
			assertThat(outcome(report, "signature.valid")).isEqualTo("passed");
		}
	}

	@Test
	void verifiesAHostedCairnBadgeByUrlAndSeesItsRevocation() {
		Issued issued = hosted();
		String url = issued.badge().get("url").asString();
		JsonNode report = verify(Map.of("url", url, "recipient", issued.teacher().email()));
		assertThat(report.get("valid").asBoolean()).as(report.toString()).isTrue();
		assertThat(outcome(report, "hosted.scope")).isEqualTo("passed");
		assertThat(outcome(report, "signature.valid")).isEqualTo("skipped");

		data.as(issued.admin()).post().uri("/api/v1/assertions/{id}/revoke", issued.badge().get("id").asString())
			.contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("reason", "Awarded in error"))
			.exchange().expectStatus().isOk();

		JsonNode revoked = verify(Map.of("url", url));
		assertThat(revoked.get("valid").asBoolean()).isFalse();
		assertThat(failed(revoked)).contains("revocation");
		assertThat(message(revoked, "revocation")).contains("Awarded in error");
	}

	@Test
	void seesARevokedSignedBadgeInTheIssuersRevocationList() {
		Issued first = signed();
		Person admin = first.admin();
		JsonNode badge = badges.issue(first.district(), first.teacher(), data.as(first.teacher()));
		data.as(admin).post().uri("/api/v1/assertions/{id}/revoke", badge.get("id").asString())
			.contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("reason", "Duplicate award"))
			.exchange().expectStatus().isOk();

		JsonNode report = verify(Map.of("jws", badge.get("jws").asString()));
		assertThat(report.get("valid").asBoolean()).isFalse();
		assertThat(failed(report)).containsExactly("revocation");
	}

	@Test
	void saysWhenTheBadgeBelongsToSomeoneElse() {
		JsonNode report = verify(Map.of("jws", jws(signed()), "recipient", "someone.else@example.org"));
		assertThat(report.get("valid").asBoolean()).isFalse();
		assertThat(failed(report)).containsExactly("recipient.match");
		assertThat(report.get("recipient").get("matched").asBoolean()).isFalse();
	}

	@Test
	void answersPeopleWithAnHtmlPage() {
		String page = http.post().uri("/api/v1/verifications").contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.accept(MediaType.TEXT_HTML)
			.body(BodyInserters.fromFormData("jws", jws(signed())).with("recipient", "<script>x</script>"))
			.exchange().expectStatus().isOk()
			.expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
			.expectBody(String.class).returnResult().getResponseBody();
		assertThat(page).contains("signature.valid").contains("Formative Assessment").doesNotContain("<script>x")
			.contains("Issued by " + signed().district().name() + ", whose key signed it.")
			.contains("You gave a signed badge (JWS).");
	}

	@Test
	void answersPeopleWithAnHtmlPageInTheirLanguage() {
		// the no-JavaScript form's answer: Accept-Language, or the page's ?lang= over it
		for (String[] asked : new String[][] { { "", "es-US,es;q=0.9" }, { "?lang=es", "en-US,en" } }) {
			String page = http.post().uri("/api/v1/verifications" + asked[0])
				.contentType(MediaType.APPLICATION_FORM_URLENCODED).accept(MediaType.TEXT_HTML)
				.header("Accept-Language", asked[1])
				.body(BodyInserters.fromFormData("jws", jws(signed())).with("recipient", "someone.else@example.org"))
				.exchange().expectStatus().isOk()
				.expectBody(String.class).returnResult().getResponseBody();
			assertThat(page).as(asked[0] + " " + asked[1]).contains("<html lang=\"es\">", "No es una insignia válida",
					"Emitida por <strong>" + signed().district().name() + "</strong>", "Emitida el ",
					"No fue otorgada a la persona que indicó.", "Qué se comprobó", "✓ Superada:", "✗ No superada:",
					"Usted dio una insignia firmada (JWS).", "Formative Assessment")
				.doesNotContain("Not a valid badge", "Issued by", "Issued on", "What was checked", "Passed:",
						"Failed:", "You gave");
		}
		String english = http.post().uri("/api/v1/verifications").contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.accept(MediaType.TEXT_HTML).body(BodyInserters.fromFormData("jws", jws(signed())))
			.exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
		assertThat(english).contains("<html lang=\"en\">", "Valid badge", "Issued by <strong>", "What was checked")
			.doesNotContain("Insignia", "Emitida");
	}

	// ---- bad inputs, each naming its failing check ------------------------------------------------------------

	@Test
	void corruptedPngFailsImageIntegrity() {
		byte[] png = download(signed().badge().get("pngUrl").asString());
		png[40] ^= 0x55; // inside the IHDR/first chunk data: its checksum no longer holds
		JsonNode report = upload(png, "badge.png");
		assertThat(failed(report)).contains("image.integrity");
		assertThat(report.get("valid").asBoolean()).isFalse();
	}

	@Test
	void truncatedPngFailsExtraction() {
		byte[] png = download(signed().badge().get("pngUrl").asString());
		JsonNode report = upload(Arrays.copyOf(png, png.length / 3), "badge.png");
		assertThat(failed(report)).contains("input.extract", "image.integrity");
	}

	@Test
	void pngWithSeveralOpenBadgesChunksFailsExtraction() {
		byte[] png = download(signed().badge().get("pngUrl").asString());
		byte[] twice = insertBeforeIend(png, itxt("openbadges", "https://evil.example/other.json"));
		JsonNode report = upload(twice, "badge.png");
		assertThat(failed(report)).contains("input.extract");
		assertThat(message(report, "input.extract")).contains("2 openbadges chunks");
	}

	@Test
	void pngWithoutABadgeFailsExtraction() {
		byte[] plain = PngBaking.bake(download(signed().badge().get("pngUrl").asString()), "x");
		byte[] empty = withoutText(plain);
		assertThat(failed(upload(empty, "badge.png"))).contains("input.extract");
	}

	@Test
	void svgWithExternalEntitiesIsNotRead() {
		String svg = """
				<?xml version="1.0"?>
				<!DOCTYPE svg [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
				<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="http://openbadges.org">
				<openbadges:assertion verify="&xxe;"/></svg>""";
		JsonNode report = upload(svg.getBytes(StandardCharsets.UTF_8), "badge.svg");
		assertThat(failed(report)).containsExactly("input.extract");
		assertThat(report.toString()).doesNotContain("root:");
	}

	@Test
	void svgWithScriptsFailsImageIntegrity() {
		String svg = new String(download(signed().badge().get("svgUrl").asString()), StandardCharsets.UTF_8)
			.replace("</svg>", "<script>alert(1)</script><rect onload=\"alert(2)\"/></svg>");
		JsonNode report = upload(svg.getBytes(StandardCharsets.UTF_8), "badge.svg");
		assertThat(failed(report)).containsExactly("image.integrity");
		assertThat(report.get("valid").asBoolean()).isFalse();
	}

	@Test
	void gigantiUploadIsRefusedWith413() {
		byte[] huge = new byte[6 * 1024 * 1024];
		System.arraycopy(PngExtraction.SIGNATURE, 0, huge, 0, 8);
		MultipartBodyBuilder body = new MultipartBodyBuilder();
		body.part("file", huge).filename("huge.png").contentType(MediaType.IMAGE_PNG);
		http.post().uri("/api/v1/verifications").contentType(MediaType.MULTIPART_FORM_DATA)
			.body(BodyInserters.fromMultipartData(body.build()))
			.exchange().expectStatus().isEqualTo(413)
			.expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody().jsonPath("$.type").isEqualTo("urn:cairn:problem:upload-too-large");
	}

	@Test
	void malformedAssertionJsonFailsDocumentJson() {
		JsonNode report = verify(Map.of("assertion", "{\"@context\": \"https://w3id.org/openbadges/v2\", \"type\": "));
		assertThat(failed(report)).containsExactly("document.json");
		assertThat(report.get("valid").asBoolean()).isFalse();
	}

	@Test
	void tamperedJwsPayloadFailsTheSignature() {
		String[] parts = jws(signed()).split("\\.");
		JsonNode payload = json.readTree(Base64.getUrlDecoder().decode(parts[1]));
		String forged = json.writeValueAsString(payload).replace("\"issuedOn\":\"", "\"issuedOn\":\"1");
		forged = json.writeValueAsString(((tools.jackson.databind.node.ObjectNode) payload).put("narrative", "forged"));
		String tampered = parts[0] + "." + b64(forged) + "." + parts[2];
		JsonNode report = verify(Map.of("jws", tampered));
		assertThat(failed(report)).containsExactly("signature.valid");
	}

	@Test
	void tamperedJwsHeaderFailsTheSignature() {
		String[] parts = jws(signed()).split("\\.");
		String header = b64("{\"alg\":\"RS256\",\"kid\":\"someone-elses-key\"}");
		JsonNode report = verify(Map.of("jws", header + "." + parts[1] + "." + parts[2]));
		assertThat(failed(report)).containsExactly("signature.valid");
	}

	@Test
	void algNoneAndHmacAreRefused() {
		String[] parts = jws(signed()).split("\\.");
		for (String alg : new String[] { "none", "HS256", "RS512", "ES256" }) {
			String header = b64("{\"alg\":\"" + alg + "\"}");
			JsonNode report = verify(Map.of("jws", header + "." + parts[1] + "." + (alg.equals("none") ? "" : parts[2])));
			assertThat(failed(report)).as(alg).containsExactly("signature.algorithm");
		}
	}

	@Test
	void aJwsWhosePartsAreNotCanonicalBase64urlFailsJwsFormat() {
		// a lenient decoder drops a stray trailing character or padding, so the genuine signature bytes would still
		// verify a string that is not the one Cairn signed: the verifier must refuse the altered text itself
		String genuine = jws(signed());
		String[] parts = genuine.split("\\.");
		for (String altered : new String[] { genuine + "A", parts[0] + "." + parts[1] + "." + parts[2] + "==",
				parts[0] + "=." + parts[1] + "." + parts[2], parts[0] + "." + parts[1] + "." + parts[2].replace('_', '/') + "+" }) {
			assertThat(failed(verify(Map.of("jws", altered)))).as(altered.substring(altered.length() - 12))
				.containsExactly("jws.format");
		}
		assertThat(failed(verify(Map.of("jws", genuine)))).isEmpty();
	}

	@Test
	void notAJwsFailsJwsFormat() {
		assertThat(failed(verify(Map.of("jws", "not a jws")))).containsExactly("jws.format");
		assertThat(failed(verify(Map.of("jws", "e30.e30")))).containsExactly("jws.format");
	}

	@Test
	void wrongContextFailsJsonLdContext() {
		String[] parts = jws(signed()).split("\\.");
		String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
			.replace("https://w3id.org/openbadges/v2", "https://example.org/my-own-context");
		JsonNode report = verify(Map.of("assertion", payload));
		assertThat(failed(report)).contains("jsonld.context");
	}

	@Test
	void selfReferencingDocumentsFailTheirStructure() {
		// a hosted assertion whose badge is the assertion itself, hosted on Cairn: the "badge" is not a BadgeClass
		Issued issued = hosted();
		String url = issued.badge().get("url").asString();
		JsonNode hostedDoc = verify(Map.of("url", url));
		assertThat(hostedDoc.get("valid").asBoolean()).isTrue();
		String selfReferencing = """
				{"@context":"https://w3id.org/openbadges/v2","type":"Assertion","id":"%s",
				 "recipient":{"type":"email","hashed":false,"identity":"a@example.org"},
				 "badge":"%s","issuedOn":"2024-01-01T00:00:00Z","verification":{"type":"signed"}}"""
			.formatted(url, url);
		JsonNode report = verify(Map.of("assertion", selfReferencing));
		assertThat(failed(report)).contains("badge.structure");
		assertThat(report.get("valid").asBoolean()).isFalse();
	}

	@Test
	void refusesAmbiguousOrUnknownRequests() {
		http.post().uri("/api/v1/verifications").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("url", "https://a.example/1", "jws", "a.b.c"))
			.exchange().expectStatus().isBadRequest()
			.expectBody().jsonPath("$.type").isEqualTo("urn:cairn:problem:verification-input");
		http.post().uri("/api/v1/verifications").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("link", "https://a.example/1"))
			.exchange().expectStatus().isBadRequest()
			.expectBody().jsonPath("$.type").isEqualTo("urn:cairn:problem:malformed-request");
		http.post().uri("/api/v1/verifications").contentType(MediaType.APPLICATION_JSON).bodyValue("{nope")
			.exchange().expectStatus().isBadRequest()
			.expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void refusesToFetchFromPrivateAddresses() {
		for (String url : new String[] { "http://127.0.0.1:1/a.json", "http://169.254.169.254/latest/meta-data/",
				"http://10.0.0.8/a.json", "http://[::1]/a.json" }) {
			JsonNode report = verify(Map.of("url", url));
			assertThat(failed(report)).as(url).containsExactly("assertion.retrieval");
			assertThat(message(report, "assertion.retrieval")).contains("non-public");
		}
	}

	// ---- helpers -----------------------------------------------------------------------------------------------

	private String jws(Issued issued) {
		return issued.badge().get("jws").asString();
	}

	private JsonNode verify(Map<String, String> body) {
		return json.readTree(http.post().uri("/api/v1/verifications").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body).exchange().expectStatus().isOk()
			.expectBody().returnResult().getResponseBody());
	}

	private JsonNode upload(byte[] file, String name) {
		MultipartBodyBuilder body = new MultipartBodyBuilder();
		body.part("file", file).filename(name).contentType(MediaType.APPLICATION_OCTET_STREAM);
		return json.readTree(http.post().uri("/api/v1/verifications").contentType(MediaType.MULTIPART_FORM_DATA)
			.body(BodyInserters.fromMultipartData(body.build())).exchange().expectStatus().isOk()
			.expectBody().returnResult().getResponseBody());
	}

	private byte[] download(String url) {
		return http.get().uri(url.replace("https://cairn.test", "")).exchange().expectStatus().isOk()
			.expectBody().returnResult().getResponseBody();
	}

	static String outcome(JsonNode report, String id) {
		for (JsonNode check : report.get("checks")) {
			if (check.get("id").asString().equals(id)) {
				return check.get("outcome").asString();
			}
		}
		throw new AssertionError("no check " + id + " in " + report);
	}

	static String message(JsonNode report, String id) {
		for (JsonNode check : report.get("checks")) {
			if (check.get("id").asString().equals(id)) {
				return check.get("message").asString();
			}
		}
		throw new AssertionError("no check " + id);
	}

	static String sentence(JsonNode report, String id) {
		for (JsonNode check : report.get("checks")) {
			if (check.get("id").asString().equals(id)) {
				return check.get("sentence").asString();
			}
		}
		throw new AssertionError("no check " + id);
	}

	static java.util.List<String> failed(JsonNode report) {
		java.util.List<String> ids = new java.util.ArrayList<>();
		report.get("checks").forEach(c -> {
			if (c.get("outcome").asString().equals("failed")) {
				ids.add(c.get("id").asString());
			}
		});
		return ids;
	}

	private static String b64(String text) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
	}

	private static byte[] itxt(String keyword, String text) {
		byte[] k = keyword.getBytes(StandardCharsets.ISO_8859_1);
		byte[] t = text.getBytes(StandardCharsets.UTF_8);
		ByteBuffer data = ByteBuffer.allocate(k.length + 5 + t.length);
		data.put(k).put(new byte[5]).put(t);
		return chunk("iTXt", data.array());
	}

	private static byte[] chunk(String type, byte[] data) {
		ByteBuffer out = ByteBuffer.allocate(12 + data.length);
		byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
		CRC32 crc = new CRC32();
		crc.update(typeBytes);
		crc.update(data);
		out.putInt(data.length).put(typeBytes).put(data).putInt((int) crc.getValue());
		return out.array();
	}

	private static byte[] insertBeforeIend(byte[] png, byte[] chunk) {
		int iend = png.length - 12;
		byte[] out = new byte[png.length + chunk.length];
		System.arraycopy(png, 0, out, 0, iend);
		System.arraycopy(chunk, 0, out, iend, chunk.length);
		System.arraycopy(png, iend, out, iend + chunk.length, 12);
		return out;
	}

	/** The PNG with its text chunks removed: an ordinary image with no badge in it. */
	private static byte[] withoutText(byte[] png) {
		ByteBuffer in = ByteBuffer.wrap(png);
		java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
		out.write(png, 0, 8);
		int pos = 8;
		while (pos + 12 <= png.length) {
			int length = in.getInt(pos);
			String type = new String(png, pos + 4, 4, StandardCharsets.US_ASCII);
			if (!type.equals("iTXt") && !type.equals("tEXt")) {
				out.write(png, pos, 12 + length);
			}
			pos += 12 + length;
		}
		return out.toByteArray();
	}

}
