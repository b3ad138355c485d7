package org.cairn.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Bearer secrets (session cookies, access tokens, invitation and reset links). Only their SHA-256 is stored, so a
 * copy of the database grants nothing.
 */
public final class SecretTokens {

	private static final SecureRandom RANDOM = new SecureRandom();

	private SecretTokens() {
	}

	/** 256 random bits, URL-safe, with a readable prefix so a leaked token can be recognised by scanners. */
	public static String generate(String prefix) {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	public static String hash(String token) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
