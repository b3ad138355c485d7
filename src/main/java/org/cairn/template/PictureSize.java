package org.cairn.template;

/**
 * Width and height of a PNG or JPEG read from its header, without decoding it: a small file can declare an enormous
 * picture (a decompression bomb), so the size is checked before anything decodes it.
 */
final class PictureSize {

	private static final byte[] PNG_SIGNATURE = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };

	private PictureSize() {
	}

	/** {width, height} from the IHDR chunk, or null when it is not a PNG. */
	static int[] png(byte[] bytes) {
		if (bytes.length < 24) {
			return null;
		}
		for (int i = 0; i < PNG_SIGNATURE.length; i++) {
			if (bytes[i] != PNG_SIGNATURE[i]) {
				return null;
			}
		}
		if (bytes[12] != 'I' || bytes[13] != 'H' || bytes[14] != 'D' || bytes[15] != 'R') {
			return null;
		}
		return new int[] { int32(bytes, 16), int32(bytes, 20) };
	}

	/** {width, height} from the first start-of-frame marker, or null when it is not a JPEG. */
	static int[] jpeg(byte[] bytes) {
		if (bytes.length < 4 || (bytes[0] & 0xff) != 0xff || (bytes[1] & 0xff) != 0xd8) {
			return null;
		}
		int i = 2;
		while (i + 9 < bytes.length) {
			if ((bytes[i] & 0xff) != 0xff) {
				return null;
			}
			int marker = bytes[i + 1] & 0xff;
			int length = ((bytes[i + 2] & 0xff) << 8) | (bytes[i + 3] & 0xff);
			boolean frame = marker >= 0xc0 && marker <= 0xcf && marker != 0xc4 && marker != 0xc8 && marker != 0xcc;
			if (frame) {
				int height = ((bytes[i + 5] & 0xff) << 8) | (bytes[i + 6] & 0xff);
				int width = ((bytes[i + 7] & 0xff) << 8) | (bytes[i + 8] & 0xff);
				return new int[] { width, height };
			}
			if (length < 2) {
				return null;
			}
			i += 2 + length;
		}
		return null;
	}

	private static int int32(byte[] b, int at) {
		long value = ((b[at] & 0xffL) << 24) | ((b[at + 1] & 0xffL) << 16) | ((b[at + 2] & 0xffL) << 8)
				| (b[at + 3] & 0xffL);
		return (int) Math.min(value, Integer.MAX_VALUE);
	}

}
