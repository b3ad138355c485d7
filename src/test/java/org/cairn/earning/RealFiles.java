package org.cairn.earning;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

import javax.imageio.ImageIO;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/** Real files, made by real encoders, for evidence uploads. */
public final class RealFiles {

	private RealFiles() {
	}

	public static byte[] png() {
		BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setColor(new Color(0x1f6f5c));
		g.fillRect(0, 0, 64, 48);
		g.setColor(Color.WHITE);
		g.drawString("anchor", 4, 28);
		g.dispose();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "png", out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	/**
	 * A one-page PDF with text. Written with PDFBox: OpenPDF 2.4 is built for Java 21 and this project compiles
	 * for Java 17.
	 */
	public static byte[] pdf(String text) {
		try (PDDocument document = new PDDocument()) {
			PDPage page = new PDPage();
			document.addPage(page);
			try (PDPageContentStream content = new PDPageContentStream(document, page)) {
				content.beginText();
				content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 14);
				content.newLineAtOffset(72, 700);
				content.showText(text);
				content.endText();
			}
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			document.save(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A minimal ISO base media file: an {@code ftyp} box and a {@code moov} box holding a movie header of 150
	 * seconds (timescale 1000), followed by an empty {@code mdat}.
	 */
	public static byte[] mp4() {
		ByteBuffer b = ByteBuffer.allocate(24 + 116 + 8);
		b.putInt(24).put(ascii("ftyp")).put(ascii("isom")).putInt(0x200).put(ascii("isom")).put(ascii("mp41"));
		b.putInt(116).put(ascii("moov"));
		b.putInt(108).put(ascii("mvhd")).putInt(0).putInt(0).putInt(0).putInt(1000).putInt(150_000);
		b.putInt(0x00010000).putShort((short) 0x0100).put(new byte[10]);
		int[] matrix = { 0x00010000, 0, 0, 0, 0x00010000, 0, 0, 0, 0x40000000 };
		for (int m : matrix) {
			b.putInt(m);
		}
		b.put(new byte[24]).putInt(2);
		b.putInt(8).put(ascii("mdat"));
		return b.array();
	}

	public static byte[] csv() {
		return "student,pre,post\r\n\"A, B\",12,18\r\nC,9,15\r\n".getBytes(StandardCharsets.UTF_8);
	}

	/** An ELF executable header: what a renamed program looks like. */
	public static byte[] elf() {
		byte[] b = new byte[256];
		b[0] = 0x7F;
		b[1] = 'E';
		b[2] = 'L';
		b[3] = 'F';
		b[4] = 2;
		return b;
	}

	public static String words(int n) {
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < n; i++) {
			text.append(i % 12 == 11 ? "students. " : "learning ");
		}
		return text.toString().trim();
	}

	public static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static byte[] ascii(String s) {
		return s.getBytes(StandardCharsets.US_ASCII);
	}

}
