package org.cairn.verification;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Probe "input": what was given (a URL, assertion JSON, a compact JWS, a baked PNG or SVG, a PDF certificate) and
 * the badge content taken out of it. Checks {@code input.detect}, {@code input.extract}, {@code image.integrity}.
 * Refuses empty input, anything that is none of those, images and certificates without exactly one embedded badge,
 * and images with broken chunks or active content.
 */
final class InputProbe {

	private static final Pattern JWS = Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*");

	private InputProbe() {
	}

	/** The badge content (URL, JSON or JWS text), or empty when the input is refused. */
	static Optional<String> detect(VerificationRequest request, Run run) {
		run.current = CheckId.INPUT_DETECT;
		switch (request.source()) {
			case URL -> {
				run.input = InputKind.URL;
				return text(request.text(), run, "URL");
			}
			case ASSERTION -> {
				run.input = InputKind.JSON;
				return text(request.text(), run, "assertion JSON");
			}
			case JWS -> {
				run.input = InputKind.JWS;
				return text(request.text(), run, "JWS");
			}
			default -> {
				return file(request.file(), run);
			}
		}
	}

	static InputKind classify(String text) {
		String t = text.strip();
		if (t.startsWith("{") || t.startsWith("[")) {
			return InputKind.JSON;
		}
		String lower = t.toLowerCase(Locale.ROOT);
		if ((lower.startsWith("https://") || lower.startsWith("http://")) && !t.contains(" ")) {
			return InputKind.URL;
		}
		if (JWS.matcher(t).matches()) {
			return InputKind.JWS;
		}
		return InputKind.UNKNOWN;
	}

	private static Optional<String> text(String value, Run run, String what) {
		if (value == null || value.isBlank()) {
			run.fail(CheckId.INPUT_DETECT, "The " + what + " is empty.");
			return Optional.empty();
		}
		run.pass(CheckId.INPUT_DETECT, "Input is " + (what.startsWith("a") ? "an " : "a ") + what + ".");
		run.skip(CheckId.INPUT_EXTRACT, "Nothing to extract: the input is the badge itself.");
		run.skip(CheckId.IMAGE_INTEGRITY, "The input is not an image.");
		return Optional.of(value.strip());
	}

	private static Optional<String> file(byte[] bytes, Run run) {
		if (bytes == null || bytes.length == 0) {
			run.fail(CheckId.INPUT_DETECT, "The uploaded file is empty.");
			return Optional.empty();
		}
		Extracted extracted;
		if (PngExtraction.looksLike(bytes)) {
			run.input = InputKind.PNG;
			run.current = CheckId.INPUT_EXTRACT;
			extracted = PngExtraction.extract(bytes);
		}
		else if (PdfExtraction.looksLike(bytes)) {
			run.input = InputKind.PDF;
			run.current = CheckId.INPUT_EXTRACT;
			extracted = PdfExtraction.extract(bytes);
		}
		else if (SvgExtraction.looksLike(bytes)) {
			run.input = InputKind.SVG;
			run.current = CheckId.INPUT_EXTRACT;
			extracted = SvgExtraction.extract(bytes);
		}
		else {
			String text = new String(bytes, StandardCharsets.UTF_8).strip();
			InputKind kind = classify(text);
			if (kind == InputKind.UNKNOWN) {
				run.fail(CheckId.INPUT_DETECT,
						"The file is not a baked PNG or SVG, a PDF certificate, assertion JSON, a JWS or a URL.");
				return Optional.empty();
			}
			run.input = kind;
			return text(text, run, kind == InputKind.JSON ? "assertion JSON" : kind == InputKind.URL ? "URL" : "JWS");
		}
		run.pass(CheckId.INPUT_DETECT, "Input is " + (run.input == InputKind.PDF ? "a PDF certificate."
				: "a " + run.input.json().toUpperCase(Locale.ROOT) + " image."));
		run.imageProblems = extracted.imageProblems();
		if (run.input == InputKind.PDF) {
			run.skip(CheckId.IMAGE_INTEGRITY, "A certificate is not a baked image.");
		}
		else if (extracted.imageProblems().isEmpty()) {
			run.pass(CheckId.IMAGE_INTEGRITY, "The image is intact.");
		}
		else {
			run.fail(CheckId.IMAGE_INTEGRITY, String.join(" ", extracted.imageProblems()));
		}
		if (extracted.failure() != null) {
			run.fail(CheckId.INPUT_EXTRACT, extracted.failure());
			return Optional.empty();
		}
		InputKind content = classify(extracted.content());
		if (content == InputKind.UNKNOWN) {
			run.fail(CheckId.INPUT_EXTRACT, "The embedded content is neither assertion JSON, a JWS nor a URL.");
			return Optional.empty();
		}
		boolean credential = content == InputKind.JSON && extracted.content().contains("VerifiableCredential");
		run.pass(CheckId.INPUT_EXTRACT, "Found " + (credential ? "an Open Badges 3.0 credential"
				: content == InputKind.JSON ? "assertion JSON"
				: content == InputKind.URL ? "an assertion URL" : "a signed assertion (JWS)") + " in the "
				+ (run.input == InputKind.PDF ? "certificate." : "image."));
		return Optional.of(extracted.content());
	}

}
