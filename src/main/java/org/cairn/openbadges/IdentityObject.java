package org.cairn.openbadges;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The recipient (spec "IdentityObject"), identified by email and hashed by default: {@code identity} is
 * {@code sha256$} + hex(SHA-256(email + salt)) (spec "IdentityHash").
 */
public record IdentityObject(String type, boolean hashed, String salt, String identity) {

	public static IdentityObject hashedEmail(String email, String salt) {
		return new IdentityObject("email", true, salt, sha256Identity(email, salt));
	}

	/** Emails are compared lower-case; the hash is of the normalized address followed by the salt. */
	public static String sha256Identity(String email, String salt) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			String input = email.trim().toLowerCase(Locale.ROOT) + (salt == null ? "" : salt);
			return "sha256$" + HexFormat.of().formatHex(digest.digest(input.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
