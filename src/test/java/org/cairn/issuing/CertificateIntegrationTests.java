package org.cairn.issuing;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.cairn.account.Person;
import org.cairn.account.Role;
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

/** The printed certificate, parsed back with PDFBox: the badge artwork, the district and who signs for it. */
@Import(IssuingFixtures.class)
class CertificateIntegrationTests extends IntegrationTest {

	@Autowired
	IssuingFixtures fixtures;

	@Autowired
	JsonMapper json;

	@Test
	void theCertificateShowsTheBadgeArtworkTheDistrictAndTheSignatoryTheAdminChose() throws Exception {
		District district = data.district();
		Person admin = data.person(district, Role.DISTRICT_ADMIN);
		Person teacher = data.person(district, Role.TEACHER);
		data.as(admin).put().uri("/api/v1/issuing/settings").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("defaultMode", "HOSTED", "showStipend", false, "showHours", false, "signatoryName",
					"  Dr. Maria Alvarez ", "signatoryTitle", "Superintendent"))
			.exchange().expectStatus().isOk().expectBody()
			.jsonPath("$.signatoryName").isEqualTo("Dr. Maria Alvarez")
			.jsonPath("$.signatoryTitle").isEqualTo("Superintendent");
		Template template = fixtures.template(district, null);
		fixtures.grant(fixtures.award(teacher, template, "tier-1"));
		JsonNode mine = json.readTree(data.as(teacher).get().uri("/api/v1/me/badges").exchange()
			.expectStatus().isOk().expectBody().returnResult().getResponseBody());
		String id = mine.get(0).get("id").asString();

		byte[] pdf = http.get().uri("/public/assertions/{id}/certificate.pdf", id).exchange()
			.expectStatus().isOk().expectHeader().contentType(MediaType.APPLICATION_PDF)
			.expectBody().returnResult().getResponseBody();
		try (PDDocument document = Loader.loadPDF(pdf)) {
			String text = new PDFTextStripper().getText(document);
			assertThat(text).contains(district.name()).contains(teacher.displayName()).contains(template.title())
				.contains("Dr. Maria Alvarez").contains("Superintendent, " + district.name());
			List<BufferedImage> images = images(document.getPage(0).getResources());
			// the QR code is black and white; the artwork is the badge in colour (its transparency may be a third)
			assertThat(images).as("QR code and badge artwork").hasSizeGreaterThanOrEqualTo(2);
			assertThat(images.stream().filter(i -> !hasColour(i))).as("the QR code").isNotEmpty();
			BufferedImage art = images.stream().filter(CertificateIntegrationTests::hasColour).findFirst()
				.orElseThrow(() -> new AssertionError("no colour image: the badge artwork is missing"));
			byte[] badgePng = http.get().uri(mine.get(0).get("badgeClassUrl").asString()
				.replace("https://cairn.test", "") + "/image").exchange()
				.expectStatus().isOk().expectBody().returnResult().getResponseBody();
			BufferedImage badge = ImageIO.read(new ByteArrayInputStream(badgePng));
			assertThat(art.getWidth()).as("the badge's own image, embedded").isEqualTo(badge.getWidth());
			assertThat(art.getHeight()).isEqualTo(badge.getHeight());
		}

		// without a signatory there is no signature line, and no stray text in its place
		data.as(admin).put().uri("/api/v1/issuing/settings").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("defaultMode", "HOSTED", "showStipend", false, "showHours", false, "signatoryName", " "))
			.exchange().expectStatus().isOk().expectBody().jsonPath("$.signatoryName").doesNotExist();
		byte[] unsigned = http.get().uri("/public/assertions/{id}/certificate.pdf?paper=a4", id).exchange()
			.expectStatus().isOk().expectBody().returnResult().getResponseBody();
		try (PDDocument document = Loader.loadPDF(unsigned)) {
			assertThat(new PDFTextStripper().getText(document)).doesNotContain("Maria Alvarez")
				.doesNotContain("Superintendent");
		}
	}

	@Test
	void aSignatoryNameLongerThanAPrintedLineIsRefusedInWords() {
		District district = data.district();
		Person admin = data.person(district, Role.DISTRICT_ADMIN);
		data.as(admin).put().uri("/api/v1/issuing/settings").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("defaultMode", "HOSTED", "showStipend", false, "showHours", false, "signatoryName",
					"x".repeat(121)))
			.exchange().expectStatus().isEqualTo(422).expectBody().jsonPath("$.errors[0].field").isEqualTo("signatoryName");
	}

	private static List<BufferedImage> images(PDResources resources) throws java.io.IOException {
		List<BufferedImage> images = new ArrayList<>();
		for (COSName name : resources.getXObjectNames()) {
			if (resources.getXObject(name) instanceof PDImageXObject image) {
				images.add(image.getImage());
			}
		}
		return images;
	}

	private static boolean hasColour(BufferedImage image) {
		for (int y = 0; y < image.getHeight(); y += 4) {
			for (int x = 0; x < image.getWidth(); x += 4) {
				int rgb = image.getRGB(x, y);
				int r = (rgb >> 16) & 0xff, g = (rgb >> 8) & 0xff, b = rgb & 0xff;
				if (Math.abs(r - g) > 24 || Math.abs(g - b) > 24) {
					return true;
				}
			}
		}
		return false;
	}

}
