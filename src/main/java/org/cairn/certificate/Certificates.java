package org.cairn.certificate;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.Base64;

import com.google.zxing.WriterException;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfFileSpecification;
import com.lowagie.text.pdf.PdfWriter;
import org.cairn.language.Language;
import org.cairn.openbadges.Conventions;

import org.springframework.stereotype.Component;

/**
 * Renders certificates. Blocking and CPU-bound: callers run it on {@code Schedulers.boundedElastic()}. Text uses
 * Liberation Sans (SIL Open Font License), which OpenPDF ships as its fallback font, embedded and subset with
 * Identity-H so the text is extractable and prints the same everywhere.
 */
@Component
public class Certificates {

	/** The embedded font: also used by other documents that should look like certificates. */
	public static final String FONT = "font-fallback/LiberationSans-Regular.ttf";

	public byte[] render(CertificateContent c) {
		Language l = c.language();
		try {
			BaseFont base = BaseFont.createFont(FONT, BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
			Color brand = color(c.brandColor());
			Rectangle size = (c.a4() ? PageSize.A4 : PageSize.LETTER).rotate();
			Document document = new Document(size, 54, 54, 60, 54);
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			PdfWriter writer = PdfWriter.getInstance(document, out);
			document.addTitle(c.fullBadgeName() + " — " + c.recipientName());
			document.addAuthor(c.issuerName());
			document.addSubject(l.text("certificate.subject"));
			document.open();
			frame(writer.getDirectContentUnder(), size, brand);
			attach(writer, c);

			if (c.logo() != null) {
				Image logo = logo(c.logo());
				if (logo != null) {
					logo.scaleToFit(90, 60);
					logo.setAlignment(Element.ALIGN_CENTER);
					document.add(logo);
				}
			}
			document.add(centered(c.issuerName(), new Font(base, 16, Font.NORMAL, brand), 4));
			if (c.badgeImage() != null) {
				// the badge itself, top left, as large as the logo area allows without pushing the text down
				Image art = Image.getInstance(c.badgeImage());
				art.scaleToFit(110, 110);
				art.setAbsolutePosition(54, size.getHeight() - 54 - art.getScaledHeight());
				document.add(art);
			}
			document.add(centered(l.text("certificate.heading"), new Font(base, 30, Font.NORMAL, brand), 10));
			document.add(centered(l.text("certificate.certifies"), new Font(base, 12, Font.NORMAL, Color.DARK_GRAY), 4));
			document.add(centered(c.recipientName(), new Font(base, 28, Font.NORMAL, Color.BLACK), 8));
			document.add(centered(l.text("certificate.earned"), new Font(base, 12, Font.NORMAL, Color.DARK_GRAY), 4));
			document.add(centered(c.badgeName(), new Font(base, 20, Font.NORMAL, Color.BLACK), 2));
			if (c.tierTitle() != null) {
				document.add(centered(c.tierTitle(), new Font(base, 14, Font.NORMAL, Color.DARK_GRAY), 6));
			}
			Font small = new Font(base, 10, Font.NORMAL, Color.DARK_GRAY);
			if (!c.alignments().isEmpty()) {
				document.add(centered(l.text("certificate.aligned", String.join("; ", c.alignments())), small, 4));
			}
			for (String extra : c.extras()) {
				document.add(centered(extra, small, 2));
			}
			String dates = c.expires() == null ? l.text("certificate.issued", day(l, c.issuedOn()))
					: l.text("certificate.issued-valid", day(l, c.issuedOn()), day(l, c.expires()));
			document.add(centered(dates, new Font(base, 11, Font.NORMAL, Color.BLACK), 4));
			document.add(centered(l.text("certificate.verify", c.verificationUrl()), small, 0));

			if (c.signatoryName() != null) {
				signature(writer.getDirectContent(), base, c, 54 + 150, 54);
			}
			Image qr = Image.getInstance(QrCode.of(c.verificationUrl()), null);
			qr.scaleAbsolute(96, 96);
			qr.setAbsolutePosition(size.getWidth() - 54 - 96, 48);
			document.add(qr);
			document.close();
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (DocumentException | WriterException ex) {
			throw new IllegalStateException("certificate rendering failed", ex);
		}
	}

	/** The day of a moment, in UTC as the assertion states it, as the language writes days. */
	private static String day(Language language, java.time.Instant at) {
		return language.date(at.atOffset(ZoneOffset.UTC).toLocalDate());
	}

	/**
	 * The assertion JSON always, the JWS when signed, the Open Badges 3.0 credential once issued: the file alone
	 * carries what a verifier needs.
	 */
	private static void attach(PdfWriter writer, CertificateContent c) throws IOException {
		writer.addFileAttachment("Open Badges assertion (JSON)", PdfFileSpecification.fileEmbedded(writer, null,
				Conventions.PDF_ATTACHMENT_JSON, c.assertionJson().getBytes(StandardCharsets.UTF_8)));
		if (c.jws() != null) {
			writer.addFileAttachment("Open Badges signed assertion (JWS)", PdfFileSpecification.fileEmbedded(writer,
					null, Conventions.PDF_ATTACHMENT_JWS, c.jws().getBytes(StandardCharsets.US_ASCII)));
		}
		if (c.credentialJson() != null) {
			writer.addFileAttachment("Open Badges 3.0 credential (JSON)", PdfFileSpecification.fileEmbedded(writer,
					null, Conventions.PDF_ATTACHMENT_OB3, c.credentialJson().getBytes(StandardCharsets.UTF_8)));
		}
	}

	/** A signature line bottom left: the line, the name under it, the title under the name. */
	private static void signature(PdfContentByte canvas, BaseFont base, CertificateContent c, float x, float y) {
		float width = 220;
		float lineY = y + 44;
		canvas.saveState();
		canvas.setColorStroke(Color.DARK_GRAY);
		canvas.setLineWidth(0.8f);
		canvas.moveTo(x - width / 2, lineY);
		canvas.lineTo(x + width / 2, lineY);
		canvas.stroke();
		canvas.beginText();
		canvas.setColorFill(Color.BLACK);
		canvas.setFontAndSize(base, 12);
		canvas.showTextAligned(Element.ALIGN_CENTER, c.signatoryName(), x, lineY - 16, 0);
		if (c.signatoryTitle() != null) {
			canvas.setColorFill(Color.DARK_GRAY);
			canvas.setFontAndSize(base, 10);
			canvas.showTextAligned(Element.ALIGN_CENTER, c.signatoryTitle() + ", " + c.issuerName(), x, lineY - 30, 0);
		}
		canvas.endText();
		canvas.restoreState();
	}

	private static void frame(PdfContentByte canvas, Rectangle size, Color brand) {
		canvas.setColorStroke(brand);
		canvas.setLineWidth(6);
		canvas.rectangle(20, 20, size.getWidth() - 40, size.getHeight() - 40);
		canvas.stroke();
		canvas.setLineWidth(1.5f);
		canvas.rectangle(30, 30, size.getWidth() - 60, size.getHeight() - 60);
		canvas.stroke();
	}

	private static Paragraph centered(String text, Font font, float after) {
		Paragraph p = new Paragraph(text == null ? "" : text, font);
		p.setAlignment(Element.ALIGN_CENTER);
		p.setSpacingAfter(after);
		return p;
	}

	private static Image logo(String dataUri) {
		int comma = dataUri.indexOf(',');
		if (!dataUri.startsWith("data:image/png;base64,") && !dataUri.startsWith("data:image/jpeg;base64,") || comma < 0) {
			return null;
		}
		try {
			return Image.getInstance(Base64.getDecoder().decode(dataUri.substring(comma + 1)));
		}
		catch (IOException | IllegalArgumentException | DocumentException ex) {
			return null;
		}
	}

	private static Color color(String hex) {
		return hex != null && hex.matches("#[0-9a-fA-F]{6}") ? Color.decode(hex) : new Color(0x1f6f5c);
	}

}
