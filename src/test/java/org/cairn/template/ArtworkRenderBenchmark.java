package org.cairn.template;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How long personalising and rendering library artwork takes (not a test: surefire skips {@code *Benchmark}).
 * Run after {@code ./mvnw -q -B -Dskip.frontend=true test-compile} with the command in {@code docs/templates.md}
 * (classpath: target/classes, target/test-classes, the jsvg and slf4j-api jars); arguments: size and rounds.
 */
public final class ArtworkRenderBenchmark {

	private static RenderBudget unlimited() {
		return RenderBudget.of(java.time.Duration.ofMinutes(1), new java.util.concurrent.atomic.AtomicBoolean());
	}

	/**
	 * The issue-12 CPU bomb: as served (rebuilt by the allow-list) and, to show what the budget alone does, raw
	 * under the 4 s budget (which is checked between drawing steps, so one costly filter step can overrun it).
	 */
	private static void bomb() throws IOException {
		StringBuilder svg = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 400 400\">")
			.append("<defs><filter id=\"f\"><feTurbulence baseFrequency=\"0.9\" numOctaves=\"1000\"/>")
			.append("<feGaussianBlur stdDeviation=\"500\"/><feMorphology radius=\"500\"/></filter></defs>");
		for (int i = 0; i < 20; i++) {
			svg.append("<rect width=\"400\" height=\"400\" filter=\"url(#f)\"/>");
		}
		byte[] raw = svg.append("</svg>").toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
		byte[] served = SvgSanitizer.clean(raw).svg().orElseThrow();
		long start = System.nanoTime();
		BadgePng.svgToPng(served, BadgePng.MAX_SIZE, RenderBudget.of(BadgePng.RENDER_BUDGET, new java.util.concurrent.atomic.AtomicBoolean()));
		System.out.printf("CPU bomb as served, 1024 px: %.0f ms%n", (System.nanoTime() - start) / 1e6);
		start = System.nanoTime();
		String outcome;
		try {
			BadgePng.svgToPng(raw, BadgePng.MAX_SIZE, RenderBudget.of(BadgePng.RENDER_BUDGET, new java.util.concurrent.atomic.AtomicBoolean()));
			outcome = "finished";
		}
		catch (RenderBudget.Exceeded ex) {
			outcome = "stopped by the budget";
		}
		System.out.printf("CPU bomb raw (never served), 1024 px under the %s budget: %s after %.0f ms%n",
				BadgePng.RENDER_BUDGET, outcome, (System.nanoTime() - start) / 1e6);
	}

	public static void main(String[] args) throws IOException {
		int size = args.length > 0 ? Integer.parseInt(args[0]) : 400;
		int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 200;
		byte[] svg = Artwork.personalise(Files.readAllBytes(Path.of("badge-templates/artwork/derry-data.svg")),
				"Data-Informed Instruction", "#aa3311");
		for (int i = 0; i < rounds / 2; i++) { // warm-up
			BadgePng.svgToPng(svg, size, unlimited());
		}
		long start = System.nanoTime();
		long bytes = 0;
		for (int i = 0; i < rounds; i++) {
			bytes += BadgePng.svgToPng(svg, size, unlimited()).length;
		}
		double ms = (System.nanoTime() - start) / 1e6 / rounds;
		start = System.nanoTime();
		for (int i = 0; i < rounds; i++) {
			Artwork.personalise(svg, "Data-Informed Instruction " + i, "#aa3311");
		}
		double personaliseMs = (System.nanoTime() - start) / 1e6 / rounds;
		System.out.printf("render %dx%d PNG: %.2f ms each (%d bytes), personalise SVG: %.3f ms each, %d rounds%n",
				size, size, ms, bytes / rounds, personaliseMs, rounds);
		bomb();
	}

}
