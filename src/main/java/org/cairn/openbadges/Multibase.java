package org.cairn.openbadges;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * Multibase base58-btc ({@code z...}) as Data Integrity uses it: for {@code proofValue} and, with the Ed25519
 * multicodec prefix {@code 0xed01}, for a Multikey's {@code publicKeyMultibase}.
 */
public final class Multibase {

	private static final String ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

	private static final byte[] ED25519_PUB = { (byte) 0xed, 0x01 };

	private static final BigInteger BASE = BigInteger.valueOf(58);

	private Multibase() {
	}

	public static String encode(byte[] bytes) {
		StringBuilder out = new StringBuilder();
		BigInteger value = new BigInteger(1, bytes);
		while (value.signum() > 0) {
			BigInteger[] qr = value.divideAndRemainder(BASE);
			out.append(ALPHABET.charAt(qr[1].intValue()));
			value = qr[0];
		}
		for (int i = 0; i < bytes.length && bytes[i] == 0; i++) {
			out.append('1');
		}
		return "z" + out.reverse();
	}

	/** @throws IllegalArgumentException when not base58-btc multibase */
	public static byte[] decode(String multibase) {
		if (multibase == null || multibase.length() < 2 || multibase.charAt(0) != 'z') {
			throw new IllegalArgumentException("not base58-btc multibase (no leading 'z')");
		}
		String text = multibase.substring(1);
		BigInteger value = BigInteger.ZERO;
		for (char c : text.toCharArray()) {
			int digit = ALPHABET.indexOf(c);
			if (digit < 0) {
				throw new IllegalArgumentException("not a base58 character: " + c);
			}
			value = value.multiply(BASE).add(BigInteger.valueOf(digit));
		}
		byte[] magnitude = value.toByteArray();
		int strip = magnitude.length > 1 && magnitude[0] == 0 ? 1 : 0;
		int zeros = 0;
		while (zeros < text.length() && text.charAt(zeros) == '1') {
			zeros++;
		}
		byte[] body = value.signum() == 0 ? new byte[0] : Arrays.copyOfRange(magnitude, strip, magnitude.length);
		byte[] out = new byte[zeros + body.length];
		System.arraycopy(body, 0, out, zeros, body.length);
		return out;
	}

	/** A Multikey {@code publicKeyMultibase} of a raw 32-byte Ed25519 public key. */
	public static String ed25519PublicKey(byte[] raw) {
		byte[] prefixed = new byte[ED25519_PUB.length + raw.length];
		System.arraycopy(ED25519_PUB, 0, prefixed, 0, ED25519_PUB.length);
		System.arraycopy(raw, 0, prefixed, ED25519_PUB.length, raw.length);
		return encode(prefixed);
	}

	/** The raw 32-byte Ed25519 public key of a Multikey {@code publicKeyMultibase}. */
	public static byte[] ed25519RawKey(String publicKeyMultibase) {
		byte[] bytes = decode(publicKeyMultibase);
		if (bytes.length != 34 || bytes[0] != ED25519_PUB[0] || bytes[1] != ED25519_PUB[1]) {
			throw new IllegalArgumentException("not an Ed25519 Multikey (0xed01 and 32 bytes)");
		}
		return Arrays.copyOfRange(bytes, 2, 34);
	}

}
