package org.cairn.verification;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import com.lowagie.text.pdf.PRStream;
import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfNameTree;
import com.lowagie.text.pdf.PdfObject;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.PdfString;
import org.cairn.openbadges.Conventions;

/**
 * Takes the assertion out of a Cairn PDF certificate: the embedded file {@code openbadges-assertion.jws} (signed
 * badges) or else {@code openbadges-assertion.json}. A Cairn transcript carries {@code cairn-transcript.json} and one
 * {@code openbadges-assertion-<id>.jws|json} per badge instead ({@link TranscriptVerification}). Any other PDF has no
 * badge in it.
 */
final class PdfExtraction {

	private static final int MAX_ATTACHMENT = 1 << 20;

	/** A transcript carries one file per badge and its list: far fewer than this. */
	static final int MAX_FILES = 201;

	private PdfExtraction() {
	}

	static boolean looksLike(byte[] bytes) {
		return bytes.length >= 5 && new String(bytes, 0, 5, StandardCharsets.ISO_8859_1).equals("%PDF-");
	}

	/** Embedded files of a PDF by name (at most {@link #MAX_FILES}, each at most 1 MiB), or null if unreadable. */
	static Map<String, String> attachments(byte[] pdf) {
		Map<String, String> found = new LinkedHashMap<>();
		try {
			PdfReader reader = new PdfReader(pdf);
			try {
				PdfDictionary names = reader.getCatalog().getAsDict(PdfName.NAMES);
				PdfDictionary embedded = names == null ? null : names.getAsDict(PdfName.EMBEDDEDFILES);
				if (embedded != null) {
					for (PdfObject value : PdfNameTree.readTree(embedded).values()) {
						if (found.size() >= MAX_FILES) {
							break;
						}
						PdfObject resolved = PdfReader.getPdfObject(value);
						if (!(resolved instanceof PdfDictionary spec)) {
							continue;
						}
						String name = fileName(spec);
						PdfDictionary files = spec.getAsDict(PdfName.EF);
						PdfObject stream = files == null ? null : PdfReader.getPdfObject(files.get(PdfName.F));
						if (name == null || !(stream instanceof PRStream prs)) {
							continue;
						}
						String text = text(prs);
						if (text != null) {
							found.putIfAbsent(name, text);
						}
					}
				}
			}
			finally {
				reader.close();
			}
		}
		catch (Exception | StackOverflowError ex) {
			return null;
		}
		return found;
	}

	static Extracted extract(byte[] pdf) {
		return extract(attachments(pdf));
	}

	static Extracted extract(Map<String, String> attached) {
		if (attached == null) {
			return Extracted.failed(InputKind.PDF, "The PDF could not be read.");
		}
		String jws = attached.get(Conventions.PDF_ATTACHMENT_JWS);
		String json = attached.get(Conventions.PDF_ATTACHMENT_JSON);
		String content = jws != null && !jws.isBlank() ? jws : json;
		if (content == null || content.isBlank()) {
			return Extracted.failed(InputKind.PDF,
					"The PDF carries no Open Badges assertion (no " + Conventions.PDF_ATTACHMENT_JWS + " or "
							+ Conventions.PDF_ATTACHMENT_JSON + " attachment).");
		}
		return Extracted.of(InputKind.PDF, content.strip());
	}

	private static String fileName(PdfDictionary spec) {
		for (PdfName key : new PdfName[] { PdfName.UF, PdfName.F }) {
			PdfObject value = PdfReader.getPdfObject(spec.get(key));
			if (value instanceof PdfString string) {
				return string.toUnicodeString();
			}
		}
		return null;
	}

	private static String text(PRStream stream) throws java.io.IOException {
		if (stream.getLength() > MAX_ATTACHMENT) {
			return null;
		}
		byte[] bytes = PdfReader.getStreamBytes(stream);
		return bytes.length > MAX_ATTACHMENT ? null : new String(bytes, StandardCharsets.UTF_8);
	}


}
