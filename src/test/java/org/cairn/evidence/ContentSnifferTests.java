package org.cairn.evidence;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.cairn.evidence.ContentSniffer.Detected;
import org.cairn.template.ArtifactKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A file's kind comes from its bytes, never from its name: real magic numbers in, kind and media type out. */
class ContentSnifferTests {

	@Test
	void imagesAreToldByTheirSignatures() {
		assertThat(sniff(bytes(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0))).contains(
				new Detected(ArtifactKind.IMAGE, "image/png"));
		assertThat(sniff(bytes(0xFF, 0xD8, 0xFF, 0xE0))).map(Detected::mediaType).contains("image/jpeg");
		assertThat(sniff(ascii("GIF89a...."))).map(Detected::mediaType).contains("image/gif");
		assertThat(sniff(ascii("RIFF\0\0\0\0WEBPVP8 "))).map(Detected::mediaType).contains("image/webp");
	}

	@Test
	void documentsAudioAndVideoAreToldByTheirSignatures() {
		assertThat(sniff(ascii("%PDF-1.7\n"))).map(Detected::mediaType).contains("application/pdf");
		assertThat(sniff(ascii("RIFF\0\0\0\0WAVEfmt "))).map(Detected::mediaType).contains("audio/wav");
		assertThat(sniff(ascii("\0\0\0\u0018ftypisom"))).map(Detected::mediaType).contains("video/mp4");
		assertThat(sniff(ascii("\0\0\0\u0014ftypqt  "))).map(Detected::mediaType).contains("video/quicktime");
		assertThat(sniff(ascii("\0\0\0\u0018ftypM4A "))).map(Detected::mediaType).contains("audio/mp4");
		assertThat(sniff(bytes(0x1A, 0x45, 0xDF, 0xA3, 0x9F))).map(Detected::mediaType).contains("video/webm");
		assertThat(sniff(ascii("ID3\u0004\0"))).map(Detected::mediaType).contains("audio/mpeg");
	}

	@Test
	void officeFilesAreZipsToldApartByTheirParts() throws IOException {
		assertThat(sniff(zip("[Content_Types].xml", "word/document.xml"))).map(Detected::mediaType)
			.contains("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
		assertThat(sniff(zip("[Content_Types].xml", "xl/workbook.xml"))).map(Detected::mediaType)
			.contains("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		assertThat(sniff(zip("[Content_Types].xml", "ppt/presentation.xml"))).map(Detected::mediaType)
			.contains("application/vnd.openxmlformats-officedocument.presentationml.presentation");
		// any other zip (a program, an archive of anything) is not a kind Cairn accepts
		assertThat(sniff(zip("payload.exe", "readme.txt"))).isEmpty();
		assertThat(sniff(zip("word/document.xml"))).as("no content types part").isEmpty();
	}

	@Test
	void textIsValidUtf8WithoutControlCharacters() {
		assertThat(sniff("Ms. Chen's lesson notes, ünïcödé ✓\n".getBytes(StandardCharsets.UTF_8)))
			.map(Detected::mediaType)
			.contains("text/plain; charset=utf-8");
		assertThat(sniff(ascii("hello\u0000world"))).as("a NUL byte is binary").isEmpty();
		assertThat(sniff(bytes(0xC0, 0xAF))).as("an overlong slash").isEmpty();
		assertThat(sniff(bytes(0xED, 0xA0, 0x80))).as("a surrogate").isEmpty();
		assertThat(sniff(new byte[0])).as("nothing at all").isEmpty();
	}

	@Test
	void aTextCutInTheMiddleOfACharacterIsNotComplete() {
		ContentSniffer.Utf8Text text = new ContentSniffer.Utf8Text();
		byte[] check = "✓".getBytes(StandardCharsets.UTF_8);
		text.accept(check[0]);
		text.accept(check[1]);
		assertThat(text.validSoFar()).isTrue();
		assertThat(text.validComplete()).isFalse();
		text.accept(check[2]);
		assertThat(text.validComplete()).isTrue();
	}

	@Test
	void theNameNeverMattersOnlyTheBytes() {
		// an executable's header stays unrecognised whatever it is called; there is no name to pass at all
		assertThat(sniff(ascii("MZ\u0090\0\u0003\0\0\0"))).isEmpty();
		assertThat(sniff(bytes(0x7F, 'E', 'L', 'F', 2, 1, 1))).isEmpty();
	}

	private static Optional<Detected> sniff(byte[] bytes) {
		ContentSniffer.Utf8Text text = new ContentSniffer.Utf8Text();
		for (byte b : bytes) {
			text.accept(b);
		}
		return ContentSniffer.detect(bytes, bytes.length, text.validComplete());
	}

	private static byte[] bytes(int... values) {
		byte[] bytes = new byte[values.length];
		for (int i = 0; i < values.length; i++) {
			bytes[i] = (byte) values[i];
		}
		return bytes;
	}

	private static byte[] ascii(String s) {
		return s.getBytes(StandardCharsets.ISO_8859_1);
	}

	private static byte[] zip(String... names) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(out)) {
			for (String name : names) {
				zip.putNextEntry(new ZipEntry(name));
				zip.write("<x/>".getBytes(StandardCharsets.UTF_8));
				zip.closeEntry();
			}
		}
		return out.toByteArray();
	}

}
