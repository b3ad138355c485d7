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
	}

}
