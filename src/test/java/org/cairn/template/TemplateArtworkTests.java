package org.cairn.template;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

import javax.imageio.ImageIO;

import org.cairn.baking.BadgeArt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Badge artwork: the library's SVGs made a district's own, rendered to PNG, and untrusted SVG refused. */
class TemplateArtworkTests {

	private static final String BRAND = "#aa3311";

	@Test
	void libraryArtworkCarriesTheDistrictsColourAndTheTitle() throws IOException {
		byte[] svg = Artwork.personalise(library("parkway-personalized-learning"), "Personalized Learning", BRAND);
		String text = new String(svg, StandardCharsets.UTF_8);

		assertThat(text).contains(BRAND).doesNotContainIgnoringCase("#2f5d8a");
		assertThat(text).contains("id=\"" + Artwork.TITLE_BANNER + "\"").contains(">Personalized Learning</text>");
		assertThat(Artwork.problem(Artwork.svgDataUri(svg))).isEmpty();
	}

	@Test
	void rendersSvgArtworkToAPngOfTheRequestedSizeInTheBrandColour() throws IOException {
		String artwork = Artwork.svgDataUri(Artwork.personalise(library("derry-data"), "Data-Informed Instruction",
				BRAND));

		BufferedImage image = decode(BadgePng.render(artwork, 400).orElseThrow());

		assertThat(image.getWidth()).isEqualTo(400);
		assertThat(image.getHeight()).isEqualTo(400);
		// The hexagon near its top point (128,30 of 256) is filled with the brand colour.
		assertThat(image.getRGB(200, 47) & 0xffffff).isEqualTo(0xaa3311);
		// Outside the hexagon the image is transparent.
		assertThat(image.getRGB(2, 2) >>> 24).isZero();
		assertThat(decode(BadgePng.render(artwork, 64).orElseThrow()).getWidth()).isEqualTo(64);
		// Issuing's badge image is this rendering, not its drawn fallback.
		assertThat(BadgeArt.png(artwork, "Data-Informed Instruction", BRAND))
			.isEqualTo(BadgePng.render(artwork, 400).orElseThrow());
	}

	@Test
	void aTitleIsTextNeverMarkupAndLongTitlesWrapOntoTwoLines() {
		String title = "<script>alert(1)</script> & a very long title that keeps going well past two lines of text";
		byte[] svg = Artwork.withTitle(svg("<rect width=\"10\" height=\"10\"/>"), title);

		assertThat(Artwork.problem(Artwork.svgDataUri(svg))).isEmpty();
		assertThat(new String(svg, StandardCharsets.UTF_8)).contains("&lt;script&gt;").doesNotContain("<script");
		assertThat(Artwork.bannerLines(title)).hasSize(2).allMatch(line -> line.length() <= 25);
		assertThat(Artwork.bannerLines(title).get(1)).endsWith("\u2026");
	}

	@Test
	void aRenamedTemplatesBannerFollowsTheTitleAndAnUnchangedOneIsLeftAlone() throws IOException {
		String artwork = Artwork.svgDataUri(Artwork.personalise(library("video-coaching"), "Video Coaching", BRAND));

		assertThat(Artwork.retitled(artwork, "Video Coaching")).isEqualTo(artwork);
		String renamed = Artwork.retitled(artwork, "Coaching with Video");
		String text = new String(Base64.getDecoder().decode(renamed.substring(renamed.indexOf(',') + 1)),
				StandardCharsets.UTF_8);
		assertThat(text).contains(">Coaching with Video</text>").doesNotContain(">Video Coaching</text>");
		assertThat(Artwork.retitled(renamed, "Coaching with Video")).isEqualTo(renamed);
		// A district's own artwork without a banner is never changed.
		String own = Artwork.svgDataUri(svg("<circle r=\"4\"/>"));
		assertThat(Artwork.retitled(own, "Anything")).isEqualTo(own);
	}

	@ParameterizedTest
	@ValueSource(strings = { "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>",
			"<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>",
			"<svg xmlns=\"http://www.w3.org/2000/svg\"><image href=\"https://evil.example/x.png\"/></svg>",
			"<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\">"
					+ "<use xlink:href=\"https://evil.example/s.svg#a\"/></svg>",
			"<svg xmlns=\"http://www.w3.org/2000/svg\"><rect style=\"fill:url(https://evil.example/p)\"/></svg>",
			"<svg xmlns=\"http://www.w3.org/2000/svg\"><foreignObject><p>html</p></foreignObject></svg>",
			"<!DOCTYPE svg [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
					+ "<svg xmlns=\"http://www.w3.org/2000/svg\"><text>&x;</text></svg>",
			"<!DOCTYPE svg [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">]>"
					+ "<svg xmlns=\"http://www.w3.org/2000/svg\"><text>&b;</text></svg>",
			"<html><body/></html>" })
	void untrustedSvgThatCouldRunScriptOrLoadAnythingIsRefusedAndOnlyItsInertRestIsEverServed(String markup) {
		String artwork = "data:image/svg+xml;base64,"
				+ Base64.getEncoder().encodeToString(markup.getBytes(StandardCharsets.UTF_8));

		assertThat(Artwork.problem(artwork)).isPresent();
		BadgePng.safeSvg(artwork).ifPresent(HostileArtworkTests::assertInert);
	}

	@Test
	void pngArtworkIsUsedAsItIsAndABadSizeRendersNothing() throws IOException {
		String svg = Artwork.svgDataUri(library("family-engagement"));
		byte[] png = BadgePng.render(svg, 128).orElseThrow();
		String pngArtwork = "data:image/png;base64," + Base64.getEncoder().encodeToString(png);

		assertThat(BadgePng.render(pngArtwork, 400)).hasValue(png);
		assertThat(BadgePng.render(svg, 8)).isEmpty();
		assertThat(BadgePng.render(svg, 5000)).isEmpty();
		assertThat(BadgePng.render(null, 400)).isEmpty();
	}

	static BufferedImage decode(byte[] png) throws IOException {
		assertThat(png).startsWith(0x89, 'P', 'N', 'G');
		BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
		assertThat(image).as("decodes as an image").isNotNull();
		return image;
	}

	private static byte[] library(String name) throws IOException {
		return Files.readAllBytes(Path.of("badge-templates", "artwork", name + ".svg"));
	}

	private static byte[] svg(String body) {
		return ("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\">" + body + "</svg>")
			.getBytes(StandardCharsets.UTF_8);
	}

}
