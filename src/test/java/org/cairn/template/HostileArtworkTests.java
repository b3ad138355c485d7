package org.cairn.template;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A corpus of hostile SVG artwork: each is refused on input with words an author understands, and whatever was
 * stored before the allow-list existed is served inert (rebuilt without the hostile part, or not at all).
 */
class HostileArtworkTests {

	private static final String SVG = "<svg xmlns=\"http://www.w3.org/2000/svg\" "
			+ "xmlns:xlink=\"http://www.w3.org/1999/xlink\" viewBox=\"0 0 100 100\">";

	@ParameterizedTest
	@ValueSource(strings = {
			// the cross-tenant XSS of issue 12: a link whose href is set to javascript: by animation
			SVG + "<a><set attributeName=\"href\" to=\"javascript:alert(document.cookie)\"/>"
					+ "<rect width=\"100\" height=\"100\"/></a></svg>",
			SVG + "<a href=\"javascript:alert(1)\"><rect width=\"10\" height=\"10\"/></a></svg>",
			SVG + "<a xlink:href=\" java\tscript:alert(1)\"><rect width=\"10\" height=\"10\"/></a></svg>",
			SVG + "<script>alert(1)</script></svg>",
			SVG + "<script xlink:href=\"https://evil.example/x.js\"/></svg>",
			SVG + "<html:script xmlns:html=\"http://www.w3.org/1999/xhtml\">alert(1)</html:script></svg>",
			"<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>",
			SVG + "<rect width=\"10\" height=\"10\" onmouseover=\"alert(1)\"/></svg>",
			SVG + "<animate attributeName=\"href\" values=\"javascript:alert(1)\"/></svg>",
			SVG + "<rect width=\"10\" height=\"10\"><animateTransform attributeName=\"transform\" type=\"rotate\" "
					+ "from=\"0\" to=\"360\" dur=\"1s\"/></rect></svg>",
			SVG + "<foreignObject width=\"100\" height=\"100\"><div xmlns=\"http://www.w3.org/1999/xhtml\">"
					+ "<img src=\"x\" onerror=\"alert(1)\"/></div></foreignObject></svg>",
			SVG + "<use href=\"http://evil.example/sprite.svg#a\"/></svg>",
			SVG + "<use xlink:href=\"//evil.example/sprite.svg#a\"/></svg>",
			SVG + "<image href=\"https://evil.example/beacon.png\" width=\"1\" height=\"1\"/></svg>",
			SVG + "<image href=\"data:image/svg+xml;base64,PHN2Zy8+\" width=\"1\" height=\"1\"/></svg>",
			SVG + "<rect width=\"10\" height=\"10\" style=\"background:url(//evil.example/x)\"/></svg>",
			SVG + "<rect width=\"10\" height=\"10\" fill=\"url(https://evil.example/p#g)\"/></svg>",
			SVG + "<style>rect{fill:url(http://evil.example/track.png)}</style><rect width=\"1\" height=\"1\"/></svg>",
			SVG + "<style>@import url(https://evil.example/x.css);</style></svg>",
			SVG + "<style>@import 'https://evil.example/x.css';</style></svg>",
			SVG + "<style>rect{width:expression(alert(1))}</style></svg>",
			SVG + "<rect style=\"width:expression(alert(1))\"/></svg>",
			SVG + "<style>rect{fill:u\\72l(https://evil.example/x)}</style></svg>",
			SVG + "<rect style=\"behavior:url(#x);-moz-binding:url(#y)\"/></svg>",
			SVG + "<iframe src=\"https://evil.example\"/></svg>",
			SVG + "<defs><filter id=\"f\"><feImage href=\"https://evil.example/x.png\"/></filter></defs></svg>",
			SVG + "<g id=\"a\"><use href=\"#a\"/></g></svg>",
			SVG + "<defs><g id=\"a\"><rect width=\"1\" height=\"1\"/></g><g id=\"b\"><use href=\"#a\"/><use href=\"#a\"/>"
					+ "</g><g id=\"c\"><use href=\"#b\"/><use href=\"#b\"/></g></defs><use href=\"#c\"/></svg>" })
	void hostileArtworkIsRefusedAndWhatIsServedIsInert(String markup) {
		String artwork = dataUri(markup);

		assertThat(Artwork.problem(artwork)).hasValueSatisfying(message -> assertThat(message)
			.startsWith("contains what badge artwork may not hold")
			.doesNotContain("Exception")
			.doesNotContain("org."));
		assertThat(Artwork.refused(artwork)).isPresent();
		BadgePng.safeSvg(artwork).ifPresent(HostileArtworkTests::assertInert);
	}

	@ParameterizedTest
	@ValueSource(strings = { "<!DOCTYPE svg [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
			+ "<svg xmlns=\"http://www.w3.org/2000/svg\"><text>&x;</text></svg>",
			"<!DOCTYPE svg [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
					+ "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\"><!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">]>"
					+ "<svg xmlns=\"http://www.w3.org/2000/svg\"><text>&d;</text></svg>",
			"<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\" \"http://127.0.0.1:1/svg11.dtd\">"
					+ "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
			"<?xml-stylesheet href=\"https://evil.example/x.xsl\"?><svg xmlns=\"http://www.w3.org/2000/svg\">"
					+ "<text>&undeclared;</text></svg>" })
	void doctypesAndEntitiesAreRefusedAndNothingOfThemIsEverServedOrRendered(String markup) {
		String artwork = dataUri(markup);

		assertThat(Artwork.problem(artwork)).isPresent();
		assertThat(BadgePng.safeSvg(artwork)).isEmpty();
		assertThat(BadgePng.render(artwork, 64)).isEmpty();
	}

	@Test
	void oneHundredThousandNestedElementsAreRefusedWithoutAStackOverflow() {
		String markup = SVG + "<g>".repeat(100_000) + "</g>".repeat(100_000) + "</svg>";
		byte[] bytes = markup.getBytes(StandardCharsets.UTF_8);

		SvgSanitizer.Cleaned cleaned = SvgSanitizer.clean(bytes);
		assertThat(cleaned.svg()).isEmpty();
		assertThat(cleaned.refused()).singleElement().asString().contains("nested more than");
		// Also past the size limit; retitling never parses it into a DOM.
		assertThat(Artwork.retitled(Artwork.svgDataUri(bytes), "A title")).isEqualTo(Artwork.svgDataUri(bytes));
		String deepButSmall = SVG + "<g>".repeat(60) + "</g>".repeat(60) + "</svg>";
		assertThat(Artwork.problem(dataUri(deepButSmall))).hasValueSatisfying(m -> assertThat(m).contains("48 levels"));
	}

	@Test
	void theCpuBombOfIssue12IsRefusedOnInputAndDefusedWhenServed() {
		StringBuilder bomb = new StringBuilder(SVG).append("<defs><filter id=\"f\">")
			.append("<feTurbulence baseFrequency=\"0.9\" numOctaves=\"1000\"/>")
			.append("<feGaussianBlur stdDeviation=\"500\"/><feMorphology radius=\"500\"/></filter></defs>");
		for (int i = 0; i < 20; i++) {
			bomb.append("<rect width=\"100\" height=\"100\" filter=\"url(#f)\"/>");
		}
		String artwork = dataUri(bomb.append("</svg>").toString());

		assertThat(Artwork.problem(artwork)).hasValueSatisfying(message -> assertThat(message)
			.contains("numOctaves 1000; at most 3")
			.contains("stdDeviation 500")
			.contains("radius 500")
			.contains("more than 4 shapes with a filter"));
		String served = new String(BadgePng.safeSvg(artwork).orElseThrow(), StandardCharsets.UTF_8);
		assertThat(served).doesNotContain("feTurbulence", "feGaussianBlur", "feMorphology");
		assertThat(served.split("filter=", -1)).hasSizeLessThanOrEqualTo(SvgSanitizer.MAX_FILTERED_ELEMENTS + 1);
		// What is left draws (the outcome, not a time: the budget and the caps are what bound it).
		assertThat(BadgePng.render(artwork, 64)).isPresent();
	}

	@Test
	void aRenderThatRunsOutOfBudgetOrIsCancelledStopsPartWay() {
		byte[] svg = (SVG + "<rect width=\"50\" height=\"50\" fill=\"#123456\"/></svg>").getBytes(StandardCharsets.UTF_8);

		assertThatThrownBy(() -> BadgePng.svgToPng(svg, 256, RenderBudget.of(Duration.ZERO, new AtomicBoolean())))
			.isInstanceOfSatisfying(RenderBudget.Exceeded.class, ex -> assertThat(ex.timedOut()).isTrue());
		assertThatThrownBy(() -> BadgePng.svgToPng(svg, 256, RenderBudget.of(Duration.ofMinutes(1),
				new AtomicBoolean(true))))
			.isInstanceOfSatisfying(RenderBudget.Exceeded.class, ex -> assertThat(ex.timedOut()).isFalse());
		// Out of budget: no image, and the artwork is drawn as the fallback from then on without trying again.
		String hash = BadgePng.sha256(svg);
		assertThat(BadgePng.master(hash, svg, Duration.ZERO).blockOptional()).isEmpty();
		assertThat(BadgePng.master(hash, svg, Duration.ofMinutes(1)).blockOptional()).isEmpty();
	}

	@Test
	void aRenderWhoseRequestWentAwayIsStoppedAndNeitherKeptNorGivenUpOn() throws InterruptedException {
		StringBuilder markup = new StringBuilder(SVG).append("<defs><filter id=\"f\"><feTurbulence "
				+ "baseFrequency=\"0.9\" numOctaves=\"3\"/><feGaussianBlur stdDeviation=\"9\"/></filter></defs>");
		for (int i = 0; i < SvgSanitizer.MAX_FILTERED_ELEMENTS; i++) {
			markup.append("<rect x=\"").append(i).append("\" width=\"100\" height=\"100\" filter=\"url(#f)\"/>");
		}
		byte[] svg = SvgSanitizer.clean(markup.append("</svg>").toString().getBytes(StandardCharsets.UTF_8))
			.svg().orElseThrow();
		String hash = BadgePng.sha256(svg);

		var subscription = BadgePng.master(hash, svg, Duration.ofMinutes(1)).subscribe();
		subscription.dispose(); // the client went away
		for (int i = 0; i < 100 && BadgePng.inFlight(hash); i++) {
			Thread.sleep(10);
		}
		assertThat(BadgePng.inFlight(hash)).isFalse();
		assertThat(BadgePng.settled(hash)).as("a cancelled render is neither kept nor marked unrenderable").isFalse();
		// The next request renders it.
		assertThat(BadgePng.master(hash, svg, Duration.ofMinutes(1)).blockOptional()).isPresent();
		assertThat(BadgePng.settled(hash)).isTrue();
	}

	@Test
	void editorLeftoversAreDroppedSilentlyAndTheDrawingIsKept() {
		String markup = "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:inkscape=\"http://www.inkscape.org/namespaces/inkscape\""
				+ " xmlns:sodipodi=\"http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd\" viewBox=\"0 0 10 10\""
				+ " inkscape:version=\"1.3\"><sodipodi:namedview id=\"n\"/><metadata><rdf/></metadata>"
				+ "<!-- a comment --><defs><linearGradient id=\"g\"><stop offset=\"0\" stop-color=\"#fff\"/>"
				+ "</linearGradient></defs><g inkscape:label=\"Layer 1\"><rect width=\"10\" height=\"10\" "
				+ "fill=\"url(#g)\" data-name=\"x\"/><text x=\"1\" y=\"5\">A &amp; B</text></g></svg>";
		String artwork = dataUri(markup);

		assertThat(Artwork.problem(artwork)).isEmpty();
		String served = new String(BadgePng.safeSvg(artwork).orElseThrow(), StandardCharsets.UTF_8);
		assertThat(served).doesNotContain("inkscape", "sodipodi", "metadata", "comment", "data-name")
			.contains("fill=\"url(#g)\"", "<linearGradient id=\"g\">", ">A &amp; B</text>");
		// Rebuilding is stable: cleaning what was served changes nothing.
		assertThat(SvgSanitizer.clean(served.getBytes(StandardCharsets.UTF_8)).svg().orElseThrow())
			.isEqualTo(served.getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void embeddedPicturesMustBeSmallPngOrJpeg() {
		byte[] hugePng = new byte[33];
		System.arraycopy(new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H',
				'D', 'R', 0, 1, 0, 0, 0, 1, 0, 0 }, 0, hugePng, 0, 24);
		String image = SVG + "<image width=\"10\" height=\"10\" href=\"data:image/png;base64,"
				+ Base64.getEncoder().encodeToString(hugePng) + "\"/></svg>";

		assertThat(Artwork.problem(dataUri(image))).hasValueSatisfying(m -> assertThat(m)
			.contains("65536×65536 pixels"));
		assertThat(Artwork.problem("data:image/png;base64," + Base64.getEncoder().encodeToString(hugePng)))
			.hasValueSatisfying(m -> assertThat(m).contains("at most 4096"));
	}

	static void assertInert(byte[] svg) {
		String text = new String(svg, StandardCharsets.UTF_8);
		String lower = text.toLowerCase(Locale.ROOT);
		assertThat(lower).doesNotContain("<script", "<set", "<animate", "<foreignobject", "<iframe", "<feimage",
				"javascript:", "@import", "expression(", "//evil", "behavior", "binding", "<a ",
				"<a>");
		assertThat(lower).doesNotContainPattern("\\son[a-z]+=");
		assertThat(lower.replace("url(#", "")).doesNotContain("url(");
		assertThat(lower.replace("http://www.w3.org/2000/svg", "").replace("http://www.w3.org/1999/xlink", ""))
			.doesNotContain("http");
	}

	static String dataUri(String markup) {
		return Artwork.svgDataUri(markup.getBytes(StandardCharsets.UTF_8));
	}

}
