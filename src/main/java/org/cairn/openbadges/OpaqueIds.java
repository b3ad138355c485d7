package org.cairn.openbadges;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Public document ids: 128 random bits, URL-safe. Never a database id of another record, so public URLs reveal
 * nothing about how many badges exist and cannot be guessed.
 */
public final class OpaqueIds {

	private static final SecureRandom RANDOM = new SecureRandom();

	private OpaqueIds() {
	}

	public static String next() {
		byte[] bytes = new byte[16];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
