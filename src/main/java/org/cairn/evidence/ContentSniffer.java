package org.cairn.evidence;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.cairn.template.ArtifactKind;

/**
 * Tells a file's kind from its first bytes (magic numbers), never from its name: a program renamed to
 * {@code .png} is not an image. Office files are zip archives told apart by the part names they contain.
 */
final class ContentSniffer {

	/** How much of the start of a file the sniffer looks at. */
	static final int PREFIX = 64 * 1024;

	private ContentSniffer() {
	}

	/** A detected kind and the media type the file is served with. */
	record Detected(ArtifactKind kind, String mediaType) {
	}

	/**
	 * @param prefix the first bytes (up to {@link #PREFIX})
	 * @param complete whether the prefix is the whole file
	 * @param textSoFar whether every byte seen so far is valid UTF-8 text
	 */
	static Optional<Detected> detect(byte[] prefix, int length, boolean textSoFar) {
		if (starts(prefix, length, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
			return of(ArtifactKind.IMAGE, "image/png");
		}
		if (starts(prefix, length, 0, 0xFF, 0xD8, 0xFF)) {
			return of(ArtifactKind.IMAGE, "image/jpeg");
		}
		if (ascii(prefix, length, 0, "GIF87a") || ascii(prefix, length, 0, "GIF89a")) {
			return of(ArtifactKind.IMAGE, "image/gif");
		}
		if (ascii(prefix, length, 0, "RIFF") && ascii(prefix, length, 8, "WEBP")) {
			return of(ArtifactKind.IMAGE, "image/webp");
		}
		if (ascii(prefix, length, 0, "RIFF") && ascii(prefix, length, 8, "WAVE")) {
			return of(ArtifactKind.AUDIO, "audio/wav");
		}
		if (ascii(prefix, length, 0, "%PDF-")) {
			return of(ArtifactKind.PDF, "application/pdf");
		}
		if (ascii(prefix, length, 4, "ftyp")) {
			String brand = length >= 12 ? new String(prefix, 8, 4, StandardCharsets.ISO_8859_1) : "";
			if (brand.startsWith("M4A")) {
				return of(ArtifactKind.AUDIO, "audio/mp4");
			}
			return of(ArtifactKind.VIDEO, brand.equals("qt  ") ? "video/quicktime" : "video/mp4");
		}
		if (starts(prefix, length, 0, 0x1A, 0x45, 0xDF, 0xA3)) {
			return of(ArtifactKind.VIDEO, "video/webm");
		}
		if (ascii(prefix, length, 0, "ID3")
				|| (length >= 2 && (prefix[0] & 0xFF) == 0xFF && (prefix[1] & 0xE0) == 0xE0 && !textSoFar)) {
			return of(ArtifactKind.AUDIO, "audio/mpeg");
		}
		if (starts(prefix, length, 0, 'P', 'K', 0x03, 0x04)) {
			return office(prefix, length);
		}
		if (textSoFar && length > 0) {
			return of(ArtifactKind.TEXT, "text/plain; charset=utf-8");
		}
		return Optional.empty();
	}

	/**
	 * An OOXML package holds {@code [Content_Types].xml} and its main part under {@code word/}, {@code xl/} or
	 * {@code ppt/}; the names are stored uncompressed in each local file header.
	 */
	private static Optional<Detected> office(byte[] b, int length) {
		boolean contentTypes = false;
		ArtifactKind kind = null;
		for (int i = 0; i + 30 <= length; i++) {
			if (b[i] != 'P' || b[i + 1] != 'K' || b[i + 2] != 3 || b[i + 3] != 4) {
				continue;
			}
			int nameLength = (b[i + 26] & 0xFF) | (b[i + 27] & 0xFF) << 8;
			if (i + 30 + nameLength > length) {
				break;
			}
			String name = new String(b, i + 30, nameLength, StandardCharsets.UTF_8);
			if (name.equals("[Content_Types].xml")) {
				contentTypes = true;
			}
			else if (kind == null && name.startsWith("word/")) {
				kind = ArtifactKind.DOCUMENT;
			}
			else if (kind == null && name.startsWith("xl/")) {
				kind = ArtifactKind.SPREADSHEET;
			}
			else if (kind == null && name.startsWith("ppt/")) {
				kind = ArtifactKind.PRESENTATION;
			}
			if (contentTypes && kind != null) {
				return of(kind, switch (kind) {
					case DOCUMENT -> "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
					case SPREADSHEET -> "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
					default -> "application/vnd.openxmlformats-officedocument.presentationml.presentation";
				});
			}
		}
		return Optional.empty();
	}

	private static Optional<Detected> of(ArtifactKind kind, String mediaType) {
		return Optional.of(new Detected(kind, mediaType));
	}

	private static boolean starts(byte[] b, int length, int offset, int... expected) {
		if (length < offset + expected.length) {
			return false;
		}
		for (int i = 0; i < expected.length; i++) {
			if ((b[offset + i] & 0xFF) != expected[i]) {
				return false;
			}
		}
		return true;
	}

	private static boolean ascii(byte[] b, int length, int offset, String expected) {
		if (length < offset + expected.length()) {
			return false;
		}
		for (int i = 0; i < expected.length(); i++) {
			if (b[offset + i] != expected.charAt(i)) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Validates UTF-8 text incrementally, chunk by chunk, so a whole file is checked without holding it: well-formed
	 * sequences (no overlongs or surrogates) and no control characters except tab, line feed, carriage return and
	 * form feed.
	 */
	static final class Utf8Text {

		private int pending;

		private int first;

		private boolean valid = true;

		void accept(byte value) {
			if (!valid) {
				return;
			}
			int b = value & 0xFF;
			if (pending > 0) {
				if ((b & 0xC0) != 0x80) {
					valid = false;
					return;
				}
				if (first != 0) {
					// the second byte of a 3- or 4-byte sequence rules out overlongs and surrogates
					boolean ok = switch (first) {
						case 0xE0 -> b >= 0xA0;
						case 0xED -> b < 0xA0;
						case 0xF0 -> b >= 0x90;
						case 0xF4 -> b < 0x90;
						default -> true;
					};
					first = 0;
					if (!ok) {
						valid = false;
						return;
					}
				}
				pending--;
				return;
			}
			if (b < 0x80) {
				if (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f') {
					valid = false;
				}
				if (b == 0x7F) {
					valid = false;
				}
				return;
			}
			if (b >= 0xC2 && b <= 0xDF) {
				pending = 1;
			}
			else if (b >= 0xE0 && b <= 0xEF) {
				pending = 2;
				first = b;
			}
			else if (b >= 0xF0 && b <= 0xF4) {
				pending = 3;
				first = b;
			}
			else {
				valid = false;
			}
		}

		boolean validSoFar() {
			return valid;
		}

		/** Valid and not cut in the middle of a character. */
		boolean validComplete() {
			return valid && pending == 0;
		}

	}

}
