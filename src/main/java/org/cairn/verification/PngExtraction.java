package org.cairn.verification;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

import org.cairn.openbadges.Conventions;

/**
 * Takes the assertion out of a baked PNG (baking spec, "PNGs"): exactly one {@code iTXt} (or legacy {@code tEXt} /
 * {@code zTXt}) chunk with keyword {@code openbadges}, or for an Open Badges 3.0 baked image one with keyword
 * {@code openbadgecredential} (the credential JSON or its VC-JWT). Walks the chunks by hand, bounded by the bytes given, noting
 * checksum mismatches and truncation as image problems.
 */
final class PngExtraction {

	static final byte[] SIGNATURE = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };

	/** A compressed chunk may not inflate beyond this (a zip bomb must not fill memory). */
	private static final int MAX_TEXT = 1 << 20;

	private PngExtraction() {
	}

	static boolean looksLike(byte[] bytes) {
		return bytes.length >= 8 && Arrays.equals(bytes, 0, 8, SIGNATURE, 0, 8);
	}

	static Extracted extract(byte[] png) {
		List<String> problems = new ArrayList<>();
		List<String> payloads = new ArrayList<>();
		List<String> credentials = new ArrayList<>();
		ByteBuffer in = ByteBuffer.wrap(png);
		int pos = 8;
		boolean ended = false;
		boolean truncated = false;
		while (pos + 8 <= png.length) {
			long length = Integer.toUnsignedLong(in.getInt(pos));
			if (pos + 12L + length > png.length) {
				truncated = true;
				break;
			}
			int len = (int) length;
			String type = new String(png, pos + 4, 4, StandardCharsets.ISO_8859_1);
			CRC32 crc = new CRC32();
			crc.update(png, pos + 4, 4 + len);
			if ((int) crc.getValue() != in.getInt(pos + 8 + len)) {
				problems.add("The " + type + " chunk at byte " + pos + " fails its checksum.");
			}
			if (type.equals("iTXt") || type.equals("tEXt") || type.equals("zTXt")) {
				String text = text(type, png, pos + 8, len, Conventions.PNG_KEYWORD);
				if (text != null) {
					payloads.add(text);
				}
				String credential = text(type, png, pos + 8, len, Conventions.PNG_KEYWORD_V3);
				if (credential != null) {
					credentials.add(credential);
				}
			}
			pos += 12 + len;
			if (type.equals("IEND")) {
				ended = true;
				break;
			}
		}
		if (!ended) {
			truncated = true;
		}
		if (truncated) {
			problems.add("The PNG is truncated: it ends before its IEND chunk.");
		}
		if (payloads.isEmpty() && !credentials.isEmpty()) {
			// an Open Badges 3.0 baked image (OB 3.0 "Baked Badge": keyword openbadgecredential, at most once)
			if (credentials.size() > 1) {
				return new Extracted(InputKind.PNG, null, "The PNG has " + credentials.size()
						+ " openbadgecredential chunks; Open Badges 3.0 allows exactly one.", problems);
			}
			String credential = credentials.get(0).strip();
			return credential.isEmpty() ? new Extracted(InputKind.PNG, null, "The openbadgecredential chunk is empty.",
					problems) : new Extracted(InputKind.PNG, credential, null, problems);
		}
		if (payloads.isEmpty()) {
			return new Extracted(InputKind.PNG, null, "The PNG has no openbadges (or openbadgecredential) text chunk"
					+ (truncated ? " (and it is truncated)." : "."), problems);
		}
		if (payloads.size() > 1) {
			return new Extracted(InputKind.PNG, null, "The PNG has " + payloads.size()
					+ " openbadges chunks; the baking specification allows exactly one.", problems);
		}
		String content = payloads.get(0).strip();
		if (content.isEmpty()) {
			return new Extracted(InputKind.PNG, null, "The openbadges chunk is empty.", problems);
		}
		return new Extracted(InputKind.PNG, content, null, problems);
	}

	/** The chunk's text when its keyword is {@code keyword}; null otherwise. Unreadable chunks count as text "". */
	private static String text(String type, byte[] png, int start, int length, String keyword) {
		int end = start + length;
		int nul = indexOf(png, start, end);
		if (nul < 0 || !keyword.equals(new String(png, start, nul - start, StandardCharsets.ISO_8859_1))) {
			return null;
		}
		int p = nul + 1;
		try {
			switch (type) {
				case "tEXt":
					return new String(png, p, end - p, StandardCharsets.ISO_8859_1);
				case "zTXt":
					return p + 1 > end ? "" : inflate(png, p + 1, end - p - 1);
				default: {
					if (p + 2 > end) {
						return "";
					}
					boolean compressed = png[p] != 0;
					p += 2;
					int lang = indexOf(png, p, end);
					if (lang < 0) {
						return "";
					}
					int translated = indexOf(png, lang + 1, end);
					if (translated < 0) {
						return "";
					}
					p = translated + 1;
					return compressed ? inflate(png, p, end - p)
							: new String(png, p, end - p, StandardCharsets.UTF_8);
				}
			}
		}
		catch (DataFormatException ex) {
			return "";
		}
	}

	private static String inflate(byte[] data, int offset, int length) throws DataFormatException {
		Inflater inflater = new Inflater();
		try {
			inflater.setInput(data, offset, length);
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			byte[] buffer = new byte[8192];
			while (!inflater.finished()) {
				int n = inflater.inflate(buffer);
				if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
					break;
				}
				out.write(buffer, 0, n);
				if (out.size() > MAX_TEXT) {
					throw new DataFormatException("too large");
				}
			}
			return out.toString(StandardCharsets.UTF_8);
		}
		finally {
			inflater.end();
		}
	}

	private static int indexOf(byte[] bytes, int from, int to) {
		for (int i = from; i < to; i++) {
			if (bytes[i] == 0) {
				return i;
			}
		}
		return -1;
	}

}
