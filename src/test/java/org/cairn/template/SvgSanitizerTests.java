package org.cairn.template;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sanitizer's allow-list on its own, no Spring: what an ordinary badge drawing needs is kept untouched, and the
 * ways a style can reach outside the image are each named in words an author understands. The hostile corpus is in
 * {@link HostileArtworkTests}.
 */
class SvgSanitizerTests {

	@Test
	void anOrdinaryBadgeWithGradientsTextAndInternalReferencesIsSafeAsGiven() {
		String badge = """
				<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 200 200">
				<defs><linearGradient id="g"><stop offset="0" stop-color="#2a6f97"/><stop offset="1" stop-color="#fff"/></linearGradient>
				<path id="arc" d="M20,100 A80,80 0 0 1 180,100"/></defs>
				<circle cx="100" cy="100" r="90" fill="url(#g)" style="stroke: #123; stroke-width: 4"/>
				<text font-size="14"><textPath href="#arc">Coaching Cycles</textPath></text>
				<use xlink:href="#arc" y="40"/></svg>""";
		SvgSanitizer.Cleaned cleaned = SvgSanitizer.clean(badge.getBytes(StandardCharsets.UTF_8));
		assertThat(cleaned.refused()).isEmpty();
		assertThat(cleaned.safeAsGiven()).isTrue();
		String served = new String(cleaned.svg().orElseThrow(), StandardCharsets.UTF_8);
		assertThat(served).contains("Coaching Cycles", "url(#g)", "linearGradient", "#arc");
	}

	@Test
	void aLinkOutOfTheImageIsLeftOutAndNamed() {
		String svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\">"
				+ "<rect width=\"10\" height=\"10\" fill=\"url(https://tracker.example/p.png)\"/>"
				+ "<use href=\"https://evil.example/sprite.svg#x\"/></svg>";
		SvgSanitizer.Cleaned cleaned = SvgSanitizer.clean(svg.getBytes(StandardCharsets.UTF_8));
		assertThat(cleaned.safeAsGiven()).isFalse();
		assertThat(String.join(" ", cleaned.refused())).contains("outside the image");
		assertThat(new String(cleaned.svg().orElseThrow(), StandardCharsets.UTF_8)).doesNotContain("tracker.example",
				"evil.example");
	}

	@Test
	void eachWayAStyleCanReachOutIsNamed() {
		assertThat(SvgSanitizer.cssProblem("fill: red; stroke: url(#g)")).isEmpty();
		assertThat(SvgSanitizer.cssProblem("/* a comment */ fill: #fff")).isEmpty();
		assertThat(SvgSanitizer.cssProblem("@import 'https://x.example/a.css'"))
			.contains("a stylesheet import (@import)");
		assertThat(SvgSanitizer.cssProblem("fill: url(https://x.example/beacon)"))
			.contains("a reference to something outside the image (url(…))");
		assertThat(SvgSanitizer.cssProblem("fill: u\\72l(https://x.example)"))
			.contains("an escaped character in a style (it can hide a reference)");
		assertThat(SvgSanitizer.cssProblem("width: expression(alert(1))")).contains("a CSS expression");
		assertThat(SvgSanitizer.cssProblem("-moz-binding: url(#x)")).contains("a CSS behaviour");
		assertThat(SvgSanitizer.cssProblem("background: java\nscript:alert(1)")).contains("a script link");
		assertThat(SvgSanitizer.cssProblem("</style><script>")).contains("markup inside a style");
	}

	@Test
	void somethingThatIsNotSvgGivesNothingToServe() {
		SvgSanitizer.Cleaned cleaned = SvgSanitizer.clean("<html><body>hi</body></html>"
			.getBytes(StandardCharsets.UTF_8));
		assertThat(cleaned.svg()).isEqualTo(Optional.empty());
		assertThat(cleaned.safeAsGiven()).isFalse();
	}

}
