package org.cairn.baking;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;

import org.cairn.openbadges.Conventions;

/**
 * Bakes into PNG: one uncompressed {@code iTXt} chunk, keyword {@code openbadges} (2.0) or
 * {@code openbadgecredential} (3.0), empty language tag and translated keyword, inserted just before {@code IEND}. Any
 * existing iTXt or legacy tEXt chunk with the same keyword is dropped, because the chunk must not appear more than
 * once (baking spec, "PNGs"; OB 3.0 "Baked Badge").
 */
public final class PngBaking {

	private static final byte[] SIGNATURE = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };

	private PngBaking() {
	}

	/** The 2.0 assertion (JSON) or its JWS, keyword {@code openbadges}. */
	public static byte[] bake(byte[] png, String text) {
		return bake(png, Conventions.PNG_KEYWORD, text);
	}

	/**
	 * The Open Badges 3.0 credential (its JSON with the embedded proof, or its VC-JWT), keyword
	 * {@code openbadgecredential} (OB 3.0 "Baked Badge", PNG): uncompressed, at most once.
	 */
	public static byte[] bakeCredential(byte[] png, String credential) {
		return bake(png, Conventions.PNG_KEYWORD_V3, credential);
	}

	private static byte[] bake(byte[] png, String keyword, String text) {
		if (png.length < 8 || !Arrays.equals(Arrays.copyOf(png, 8), SIGNATURE)) {
			throw new IllegalArgumentException("not a PNG");
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream(png.length + text.length() + 64);
		out.write(png, 0, 8);
		ByteBuffer in = ByteBuffer.wrap(png);
		int pos = 8;
		boolean ended = false;
		while (pos + 12 <= png.length && !ended) {
			int length = in.getInt(pos);
			if (length < 0 || pos + 12L + length > png.length) {
				throw new IllegalArgumentException("truncated PNG chunk");
			}
			String type = new String(png, pos + 4, 4, StandardCharsets.US_ASCII);
			int total = 12 + length;
			if ("IEND".equals(type)) {
				writeChunk(out, "iTXt", itxt(keyword, text));
				ended = true;
			}
			if (!isText(png, pos + 8, length, type, keyword)) {
				out.write(png, pos, total);
			}
			pos += total;
		}
		if (!ended) {
			throw new IllegalArgumentException("PNG has no IEND chunk");
		}
		return out.toByteArray();
	}

	private static boolean isText(byte[] png, int dataStart, int length, String type, String name) {
		if (!"iTXt".equals(type) && !"tEXt".equals(type)) {
			return false;
		}
		byte[] keyword = name.getBytes(StandardCharsets.ISO_8859_1);
		return length > keyword.length && Arrays.equals(png, dataStart, dataStart + keyword.length, keyword, 0,
				keyword.length) && png[dataStart + keyword.length] == 0;
	}

	/** keyword NUL, compression flag 0, method 0, language tag "" NUL, translated keyword "" NUL, UTF-8 text. */
	private static byte[] itxt(String keyword, String text) {
		ByteArrayOutputStream data = new ByteArrayOutputStream();
		data.writeBytes(keyword.getBytes(StandardCharsets.ISO_8859_1));
		data.write(0);
		data.write(0);
		data.write(0);
		data.write(0);
		data.write(0);
		data.writeBytes(text.getBytes(StandardCharsets.UTF_8));
		return data.toByteArray();
	}

	private static void writeChunk(ByteArrayOutputStream out, String type, byte[] data) {
		byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
		out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
		out.writeBytes(typeBytes);
		out.writeBytes(data);
		CRC32 crc = new CRC32();
		crc.update(typeBytes);
		crc.update(data);
		out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
	}

}
