package org.cairn.issuing;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Period;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.zip.CRC32;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationFileAttachment;
import org.apache.pdfbox.text.PDFTextStripper;
import org.cairn.account.Person;
import org.cairn.account.Role;
import org.cairn.award.Award;
import org.cairn.district.District;
import org.cairn.support.IntegrationTest;
import org.cairn.template.Template;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A signed badge checked by code that did not issue it: the JWS with plain {@code java.security.Signature} and the
 * PEM served at the creator URL, the hashed recipient recomputed, the PNG chunks walked by hand, the PDF parsed by
 * PDFBox.
 */
@Import(IssuingFixtures.class)
class SignedBadgeRoundTripIntegrationTests extends IntegrationTest {

	private static final String BASE = "https://cairn.test";

	@Autowired
	IssuingFixtures fixtures;

	@Autowired
	JsonMapper json;

	@Test
	void signedBadgeVerifiesWithPlainJavaSecurityAndBakesIntoPngSvgAndPdf() throws Exception {
		District district = data.district();
		Person admin = data.person(district, Role.DISTRICT_ADMIN);
		Person teacher = data.person(district, Role.TEACHER);
		data.as(admin).put().uri("/api/v1/issuing/settings").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("defaultMode", "SIGNED", "showStipend", true, "showHours", true))
			.exchange().expectStatus().isOk();
		Template template = fixtures.template(district, Period.ofYears(3));
		fixtures.grant(fixtures.award(teacher, template, "tier-1"));

		JsonNode mine = json.readTree(data.as(teacher).get().uri("/api/v1/me/badges").exchange()
			.expectStatus().isOk().expectBody().returnResult().getResponseBody());
		assertThat(mine.size()).isEqualTo(1);
		String jws = mine.get(0).get("jws").asString();
		String[] parts = jws.split("\\.");
		assertThat(parts).hasSize(3);
		JsonNode header = json.readTree(Base64.getUrlDecoder().decode(parts[0]));
		JsonNode assertion = json.readTree(Base64.getUrlDecoder().decode(parts[1]));
		assertThat(header.get("alg").asString()).isEqualTo("RS256");
		assertThat(assertion.get("@context").asString()).isEqualTo("https://w3id.org/openbadges/v2");
		assertThat(assertion.get("type").asString()).isEqualTo("Assertion");
		assertThat(assertion.get("verification").get("type").asString()).isEqualTo("signed");
		String creator = assertion.get("verification").get("creator").asString();
		assertThat(header.get("kid").asString()).isEqualTo(creator);
		assertThat(assertion.get("expires").asString()).isGreaterThan(assertion.get("issuedOn").asString());

		// the key document and its two-way link with the issuer profile
		JsonNode key = getJson(creator);
		JsonNode badge = getJson(assertion.get("badge").asString());
		JsonNode issuer = getJson(badge.get("issuer").asString());
		assertThat(key.get("owner").asString()).isEqualTo(issuer.get("id").asString());
		assertThat(issuer.get("publicKey").toString()).contains(creator);
		assertThat(issuer.get("type").asString()).isEqualTo("Issuer");
		assertThat(badge.get("criteria").get("id").asString()).endsWith("/criteria");
		assertThat(badge.get("alignment").get(0).get("targetCode").asString()).isEqualTo("3d");
		assertThat(badge.get("extensions:AssessmentExtension").get("assessments").get(0).get("rubrics").get(0)
			.get("rubricCriteria").get(0).get("criterionLevels")).hasSize(2);

		assertThat(verifies(jws, key.get("publicKeyPem").asString())).isTrue();
		String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
			.encodeToString(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
				.replace(assertion.get("issuedOn").asString(), "2001-01-01T00:00:00Z").getBytes(StandardCharsets.UTF_8))
				+ "." + parts[2];
		assertThat(verifies(tampered, key.get("publicKeyPem").asString())).isFalse();

		JsonNode recipient = assertion.get("recipient");
		assertThat(recipient.get("type").asString()).isEqualTo("email");
		assertThat(recipient.get("hashed").asBoolean()).isTrue();
		assertThat(recipient.get("identity").asString())
			.isEqualTo("sha256$" + sha256Hex(teacher.email() + recipient.get("salt").asString()));

		String id = mine.get(0).get("id").asString();
		byte[] png = http.get().uri("/public/assertions/{id}/image?format=png", id).exchange()
			.expectStatus().isOk().expectHeader().contentType(MediaType.IMAGE_PNG)
			.expectBody().returnResult().getResponseBody();
		assertThat(openBadgesChunk(png)).isEqualTo(jws);

		String svg = http.get().uri("/public/assertions/{id}/image?format=svg", id).exchange()
			.expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
		assertThat(svg).contains("xmlns:openbadges=\"http://openbadges.org\"")
			.contains("<openbadges:assertion verify=\"" + jws + "\"/>");

		byte[] pdf = http.get().uri("/public/assertions/{id}/certificate.pdf?paper=a4", id).exchange()
			.expectStatus().isOk().expectBody().returnResult().getResponseBody();
		try (PDDocument document = Loader.loadPDF(pdf)) {
			assertThat(document.getNumberOfPages()).isEqualTo(1);
			String text = new PDFTextStripper().getText(document);
			assertThat(text).contains(teacher.displayName()).contains("Formative Assessment")
				.contains("Tier 1: Research").contains(BASE + "/public/assertions/" + id)
				.contains(district.name()).contains("Stipend: $75.00").contains("3d Using Assessment in Instruction");
			Map<String, String> files = attachments(document);
			assertThat(files.get("openbadges-assertion.jws")).isEqualTo(jws);
			assertThat(json.readTree(files.get("openbadges-assertion.json"))).isEqualTo(assertion);
			// A4: 595 x 842 points (laid out landscape)
			var box = document.getPage(0).getMediaBox();
			assertThat(Math.max(box.getWidth(), box.getHeight())).isBetween(841f, 843f);
			assertThat(Math.min(box.getWidth(), box.getHeight())).isBetween(594f, 596f);
		}
		byte[] letter = http.get().uri("/public/assertions/{id}/certificate.pdf", id).exchange()
			.expectStatus().isOk().expectBody().returnResult().getResponseBody();
		try (PDDocument document = Loader.loadPDF(letter)) {
			var box = document.getPage(0).getMediaBox();
			assertThat(Math.max(box.getWidth(), box.getHeight())).isEqualTo(792f);
		}
	}

	@Test
	void rotatedOutKeyStillVerifiesAndARevokedKeyIsUnlinkedAndFlagged() throws Exception {
		District district = data.district();
		Person admin = data.person(district, Role.DISTRICT_ADMIN);
		Person teacher = data.person(district, Role.TEACHER);
		data.as(admin).put().uri("/api/v1/issuing/settings").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("defaultMode", "SIGNED", "showStipend", false, "showHours", false))
			.exchange().expectStatus().isOk();
		Template template = fixtures.template(district, null);
		Award first = fixtures.grant(fixtures.award(teacher, template, "tier-1"));
		JsonNode keys = json.readTree(data.as(admin).get().uri("/api/v1/keys").exchange().expectStatus().isOk()
			.expectBody().returnResult().getResponseBody());
		String oldKey = keys.get(0).get("id").asString();
		for (int click = 0; click < 2; click++) {
			// generating an RSA-3072 key takes a few seconds on a busy machine
			data.as(admin).mutate().responseTimeout(java.time.Duration.ofSeconds(60)).build().post().uri("/api/v1/keys/rotations").contentType(MediaType.APPLICATION_JSON)
				.bodyValue(Map.of("fromKeyId", oldKey)).exchange().expectStatus().isOk();
		}
		Award second = fixtures.grant(fixtures.award(teacher, template, "tier-1"));
		keys = json.readTree(data.as(admin).get().uri("/api/v1/keys").exchange().expectBody().returnResult()
			.getResponseBody());
		assertThat(keys.size()).as("a double click rotates once").isEqualTo(2);

		String firstJws = jwsOf(admin, first.assertionId());
		String secondJws = jwsOf(admin, second.assertionId());
		String firstCreator = creatorOf(firstJws);
		String secondCreator = creatorOf(secondJws);
		assertThat(secondCreator).isNotEqualTo(firstCreator);
		JsonNode issuer = getJson(getJson(payload(firstJws).get("badge").asString()).get("issuer").asString());
		assertThat(issuer.get("publicKey").toString()).contains(firstCreator).contains(secondCreator);
		assertThat(verifies(firstJws, getJson(firstCreator).get("publicKeyPem").asString())).isTrue();

		data.as(teacher).post().uri("/api/v1/keys/{id}/revoke", oldKey).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("reason", "compromised")).exchange().expectStatus().isForbidden();
		data.as(admin).post().uri("/api/v1/keys/{id}/revoke", oldKey).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("reason", "laptop stolen")).exchange().expectStatus().isOk();
		JsonNode revokedKey = getJson(firstCreator);
		assertThat(revokedKey.get("revoked").asString()).isNotBlank();
		issuer = getJson(issuer.get("id").asString());
		assertThat(issuer.get("publicKey").toString()).doesNotContain(firstCreator).contains(secondCreator);
		assertThat(verifies(secondJws, getJson(secondCreator).get("publicKeyPem").asString())).isTrue();

		District other = data.district();
		Person otherAdmin = data.person(other, Role.DISTRICT_ADMIN);
		data.as(otherAdmin).post().uri("/api/v1/keys/{id}/revoke", keys.get(1).get("id").asString())
			.contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("reason", "x")).exchange()
			.expectStatus().isNotFound();
	}

	private String jwsOf(Person admin, String assertionId) {
		return json.readTree(data.as(admin).get().uri("/api/v1/assertions/{id}", assertionId).exchange()
			.expectStatus().isOk().expectBody().returnResult().getResponseBody()).get("jws").asString();
	}

	private JsonNode payload(String jws) {
		return json.readTree(Base64.getUrlDecoder().decode(jws.split("\\.")[1]));
	}

	private String creatorOf(String jws) {
		return payload(jws).get("verification").get("creator").asString();
	}

	private JsonNode getJson(String url) {
		assertThat(url).startsWith(BASE);
		return json.readTree(http.get().uri(url.substring(BASE.length())).accept(MediaType.parseMediaType("application/ld+json"))
			.exchange().expectStatus().isOk().expectHeader().contentType("application/ld+json")
			.expectBody().returnResult().getResponseBody());
	}

	static boolean verifies(String jws, String pem) throws Exception {
		String base64 = pem.replace("-----BEGIN PUBLIC KEY-----", "").replace("-----END PUBLIC KEY-----", "")
			.replaceAll("\\s", "");
		PublicKey key = KeyFactory.getInstance("RSA")
			.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
		int lastDot = jws.lastIndexOf('.');
		Signature signature = Signature.getInstance("SHA256withRSA");
		signature.initVerify(key);
		signature.update(jws.substring(0, lastDot).getBytes(StandardCharsets.US_ASCII));
		return signature.verify(Base64.getUrlDecoder().decode(jws.substring(lastDot + 1)));
	}

	static String sha256Hex(String text) throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
	}

	/** Walks the PNG chunks (checking each CRC) and returns the text of the single iTXt "openbadges" chunk. */
	static String openBadgesChunk(byte[] png) throws IOException {
		DataInputStream in = new DataInputStream(new ByteArrayInputStream(png));
		in.skipNBytes(8);
		String found = null;
		int count = 0;
		while (true) {
			int length = in.readInt();
			byte[] type = in.readNBytes(4);
			byte[] data = in.readNBytes(length);
			int crc = in.readInt();
			CRC32 check = new CRC32();
			check.update(type);
			check.update(data);
			assertThat((int) check.getValue()).isEqualTo(crc);
			String name = new String(type, StandardCharsets.US_ASCII);
			if (name.equals("iTXt") && new String(data, 0, 11, StandardCharsets.ISO_8859_1).equals("openbadges\0")) {
				assertThat(data[11]).as("compression flag").isZero();
				int pos = 13;
				while (data[pos] != 0) {
					pos++;
				}
				pos++;
				while (data[pos] != 0) {
					pos++;
				}
				pos++;
				found = new String(data, pos, data.length - pos, StandardCharsets.UTF_8);
				count++;
			}
			if (name.equals("IEND")) {
				break;
			}
		}
		assertThat(count).isEqualTo(1);
		return found;
	}

	static Map<String, String> attachments(PDDocument document) throws IOException {
		Map<String, String> files = new java.util.HashMap<>();
		PDDocumentNameDictionary names = document.getDocumentCatalog().getNames();
		if (names != null && names.getEmbeddedFiles() != null) {
			PDEmbeddedFilesNameTreeNode tree = names.getEmbeddedFiles();
			if (tree.getNames() != null) {
				tree.getNames().forEach((name, spec) -> files.put(spec.getFilename(), content(spec)));
			}
		}
		for (PDAnnotation annotation : document.getPage(0).getAnnotations()) {
			if (annotation instanceof PDAnnotationFileAttachment attachment
					&& attachment.getFile() instanceof PDComplexFileSpecification spec) {
				files.put(spec.getFilename(), content(spec));
			}
		}
		return files;
	}

	private static String content(PDComplexFileSpecification spec) {
		try {
			return new String(spec.getEmbeddedFile().toByteArray(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

}
