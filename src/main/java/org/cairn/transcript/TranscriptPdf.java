package org.cairn.transcript;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.google.zxing.WriterException;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfFileSpecification;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import org.cairn.certificate.Certificates;
import org.cairn.language.Language;
import org.cairn.certificate.QrCode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Renders a teacher's transcript: every badge with its credits, dates, verification link and QR code, totals by
 * fiscal year, and the district's signatory. Like a certificate, the file carries what a verifier needs: each
 * badge's assertion as issued (the JWS for a signed badge, else the JSON) is attached as
 * {@code openbadges-assertion-<id>.jws|json}, with a {@code cairn-transcript.json} listing them. Blocking: callers
 * run it on {@code Schedulers.boundedElastic()}.
 */
@Component
class TranscriptPdf {

	static final String MANIFEST = "cairn-transcript.json";

	static final String ATTACHMENT_PREFIX = "openbadges-assertion-";

	private final JsonMapper json;

	TranscriptPdf(JsonMapper json) {
		this.json = json;
	}

	/**
	 * What a transcript shows.
	 *
	 * @param zone the district's time zone, in which dates are printed
	 * @param language the teacher's language (else the district's default)
	 */
	record Content(String districtName, String brandColor, String recipientName, String recipientEmail,
			String creditName, List<CreditedBadge> badges, List<Credits.YearTotal> years, String signatoryName,
			String signatoryTitle, Instant generatedAt, ZoneId zone, String verifyPageUrl, Language language) {
	}

	byte[] render(Content c) {
		Language l = c.language();
		java.util.function.Function<Instant, String> date = at -> l.date(at.atZone(c.zone()).toLocalDate());
		try {
			BaseFont base = BaseFont.createFont(Certificates.FONT, BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
			Color brand = c.brandColor() != null && c.brandColor().matches("#[0-9a-fA-F]{6}")
					? Color.decode(c.brandColor()) : new Color(0x1f6f5c);
			Font title = new Font(base, 20, Font.NORMAL, brand);
			Font heading = new Font(base, 13, Font.NORMAL, brand);
			Font body = new Font(base, 10, Font.NORMAL, Color.BLACK);
			Font small = new Font(base, 8.5f, Font.NORMAL, Color.DARK_GRAY);
			Font strong = new Font(base, 11, Font.BOLD, Color.BLACK);

			Document document = new Document(PageSize.LETTER, 54, 54, 54, 54);
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			PdfWriter writer = PdfWriter.getInstance(document, out);
			document.addTitle(l.text("transcript.pdf.title", c.recipientName()));
			document.addAuthor(c.districtName());
			document.addSubject(l.text("transcript.pdf.subject"));
			document.open();
			attach(writer, c);

			document.add(paragraph(c.districtName(), heading, 2));
			document.add(paragraph(l.text("transcript.pdf.heading"), title, 6));
			document.add(paragraph(c.recipientName() + " (" + c.recipientEmail() + ")", strong, 2));
			document.add(paragraph(l.text("transcript.pdf.generated", date.apply(c.generatedAt()), c.creditName()),
					small, 10));

			document.add(paragraph(l.text("transcript.pdf.totals"), heading, 4));
			if (c.years().isEmpty()) {
				document.add(paragraph(l.text("transcript.pdf.none"), body, 8));
			}
			for (Credits.YearTotal y : c.years()) {
				document.add(paragraph(l.text("transcript.pdf.year", String.valueOf(y.fiscalYear()),
						Credits.format(y.credits()), c.creditName(), y.badges()), body, 2));
			}

			document.add(paragraph(l.text("transcript.pdf.badges"), heading, 4));
			PdfPTable table = new PdfPTable(new float[] { 1f, 4.2f });
			table.setWidthPercentage(100);
			for (CreditedBadge b : c.badges()) {
				Image qr = Image.getInstance(QrCode.of(b.badge().verificationUrl()), null);
				qr.scaleAbsolute(64, 64);
				PdfPCell code = new PdfPCell(qr, false);
				code.setBorder(Rectangle.BOTTOM);
				code.setPadding(4);
				table.addCell(code);
				Phrase text = new Phrase();
				text.add(new Phrase(b.name() + "\n", strong));
				String credited = Credits.format(b.credits()) + " " + c.creditName() + "  ·  " + b.fiscalYear();
				String issued = b.badge().expires() == null ? l.text("transcript.pdf.issued", date.apply(b.issuedOn()))
						: l.text(b.expired() ? "transcript.pdf.issued-expired" : "transcript.pdf.issued-valid",
								date.apply(b.issuedOn()), date.apply(b.badge().expires()));
				text.add(new Phrase(credited + "\n" + issued + "\n", body));
				text.add(new Phrase(l.text("transcript.pdf.verify", b.badge().verificationUrl()), small));
				PdfPCell cell = new PdfPCell(text);
				cell.setBorder(Rectangle.BOTTOM);
				cell.setPadding(6);
				cell.setVerticalAlignment(Element.ALIGN_MIDDLE);
				table.addCell(cell);
			}
			if (!c.badges().isEmpty()) {
				document.add(table);
			}

			document.add(paragraph(" ", body, 18));
			if (c.signatoryName() != null) {
				document.add(paragraph("______________________________", body, 2));
				document.add(paragraph(c.signatoryName(), body, 0));
				document.add(paragraph((c.signatoryTitle() == null ? "" : c.signatoryTitle() + ", ")
						+ c.districtName(), small, 10));
			}
			document.add(paragraph(l.text("transcript.pdf.footer", c.verifyPageUrl()), small, 0));
			document.close();
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (DocumentException | WriterException ex) {
			throw new IllegalStateException("transcript rendering failed", ex);
		}
	}

	private void attach(PdfWriter writer, Content c) throws IOException {
		List<Map<String, Object>> listed = new ArrayList<>();
		for (CreditedBadge b : c.badges()) {
			boolean signed = b.badge().jws() != null;
			String file = ATTACHMENT_PREFIX + b.badge().assertionId() + (signed ? ".jws" : ".json");
			byte[] content = (signed ? b.badge().jws() : b.badge().assertionJson()).getBytes(StandardCharsets.UTF_8);
			writer.addFileAttachment(b.name(), PdfFileSpecification.fileEmbedded(writer, null, file, content));
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("assertionId", b.badge().assertionId());
			entry.put("attachment", file);
			entry.put("name", b.name());
			entry.put("credits", Credits.round(b.credits()));
			entry.put("fiscalYear", b.fiscalYear());
			entry.put("issuedOn", b.issuedOn().toString());
			entry.put("expires", b.badge().expires() == null ? null : b.badge().expires().toString());
			entry.put("verificationUrl", b.badge().verificationUrl());
			listed.add(entry);
		}
		Map<String, Object> manifest = new LinkedHashMap<>();
		manifest.put("format", "cairn.transcript/1");
		manifest.put("district", c.districtName());
		manifest.put("recipient", c.recipientName());
		manifest.put("creditName", c.creditName());
		manifest.put("generatedAt", c.generatedAt().toString());
		manifest.put("badges", listed);
		writer.addFileAttachment("Transcript contents (JSON)", PdfFileSpecification.fileEmbedded(writer, null,
				MANIFEST, json.writeValueAsBytes(manifest)));
	}

	private static Paragraph paragraph(String text, Font font, float after) {
		Paragraph p = new Paragraph(text == null ? "" : text, font);
		p.setSpacingAfter(after);
		return p;
	}

}
