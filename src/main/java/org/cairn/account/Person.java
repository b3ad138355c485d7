package org.cairn.account;

import java.time.Instant;
import java.util.Set;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An account. Email is unique across the installation (stored lower-case), so sign-in needs no district.
 *
 * @param districtId null only for platform administrators
 * @param passwordHash bcrypt; null until an invitation is accepted or for OpenID-Connect-only accounts
 * @param school the school the person works at, for participation reports
 * @param yearsOfExperience teaching experience, for participation reports
 * @param coachId the person's coach, so a district can keep coaches from assessing their own teachers
 * @param departedAt when an administrator marked the person as having left the district (null: still there); a
 * departed person keeps their badges and signs in read-only with a verified personal address
 * @param badgeEmail the verified address new badges are issued to; null: the district email
 * @param language the language the person chose ("en" or "es"); null: not chosen (the browser's, for mail and PDFs
 * the district's default)
 */
@Document("people")
@CompoundIndex(name = "district_email", def = "{'districtId': 1, 'email': 1}")
@CompoundIndex(name = "district_roles", def = "{'districtId': 1, 'roles': 1, 'email': 1}")
public record Person(@Id String id, @Indexed String districtId, @Indexed(unique = true) String email,
		String displayName, String passwordHash, Set<Role> roles, @Indexed boolean platformAdmin, String school,
		Integer yearsOfExperience, String coachId, boolean active, Instant createdAt, @Version Long version,
		Instant departedAt, String badgeEmail, String language) {

	@org.springframework.data.annotation.PersistenceCreator
	public Person {
		roles = roles == null ? Set.of() : Set.copyOf(roles);
		email = email == null ? null : normalizeEmail(email);
	}

	/** A person as created before departures and badge addresses existed: still there, badges to the district email. */
	public Person(String id, String districtId, String email, String displayName, String passwordHash,
			Set<Role> roles, boolean platformAdmin, String school, Integer yearsOfExperience, String coachId,
			boolean active, Instant createdAt, Long version) {
		this(id, districtId, email, displayName, passwordHash, roles, platformAdmin, school, yearsOfExperience, coachId,
				active, createdAt, version, null, null, null);
	}

	/** A person as created before a language could be chosen. */
	public Person(String id, String districtId, String email, String displayName, String passwordHash,
			Set<Role> roles, boolean platformAdmin, String school, Integer yearsOfExperience, String coachId,
			boolean active, Instant createdAt, Long version, Instant departedAt, String badgeEmail) {
		this(id, districtId, email, displayName, passwordHash, roles, platformAdmin, school, yearsOfExperience, coachId,
				active, createdAt, version, departedAt, badgeEmail, null);
	}

	public boolean departed() {
		return departedAt != null;
	}

	/** The address a new badge is issued to: the chosen verified address, else the district email. */
	public String badgeAddress() {
		return badgeEmail != null ? badgeEmail : email;
	}

	public static String normalizeEmail(String email) {
		return email.trim().toLowerCase(java.util.Locale.ROOT);
	}

	private static final java.util.regex.Pattern EMAIL_ADDRESS = java.util.regex.Pattern
		.compile("^[^@\\s,;\"<>]{1,64}@[^@\\s,;\"<>]+\\.[^@\\s,;\"<>]{2,}$");

	/** Whether a normalized address can receive mail: uploaded lists (rosters, bulk awards) are checked with it. */
	public static boolean isEmailAddress(String normalized) {
		return normalized != null && normalized.length() <= 254 && EMAIL_ADDRESS.matcher(normalized).matches();
	}

	public boolean has(Role role) {
		return roles.contains(role);
	}

}
