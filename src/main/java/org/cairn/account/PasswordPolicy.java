package org.cairn.account;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.cairn.problem.ProblemException;

/**
 * What a password must be wherever one is set (invitation, reset, first start). Length beats composition rules
 * (NIST SP 800-63B); the 72-byte cap is bcrypt's, which silently ignores anything longer.
 */
public final class PasswordPolicy {

	public static final int MIN_LENGTH = 12;

	public static final int MAX_BYTES = 72;

	private PasswordPolicy() {
	}

	/** Throws a 422 {@code validation} problem on the field {@code password} when the password is not acceptable. */
	public static void check(String password, String email) {
		String problem = problem(password, email);
		if (problem != null) {
			throw ProblemException.invalid("password", problem);
		}
	}

	static String problem(String password, String email) {
		if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
			return "must be at least " + MIN_LENGTH + " characters";
		}
		if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
			return "must be at most " + MAX_BYTES + " bytes";
		}
		if (password.isBlank()) {
			return "must not be only spaces";
		}
		if (email != null) {
			String lower = password.trim().toLowerCase(Locale.ROOT);
			String normalized = Person.normalizeEmail(email);
			String localPart = normalized.contains("@") ? normalized.substring(0, normalized.indexOf('@')) : normalized;
			if (lower.equals(normalized) || lower.equals(localPart)) {
				return "must not be your email address";
			}
		}
		return null;
	}

}
