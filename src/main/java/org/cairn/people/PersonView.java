package org.cairn.people;

import java.time.Instant;
import java.util.Set;

import org.cairn.account.Person;
import org.cairn.account.Role;

/**
 * A person as district administrators see them; never the password hash.
 *
 * @param passwordSet false until the invitation is accepted (or for people who only use OpenID Connect)
 * @param departedAt when an administrator marked them as having left the district; null while they are there
 */
public record PersonView(String id, String email, String displayName, Set<Role> roles, String school,
		Integer yearsOfExperience, String coachId, boolean active, boolean passwordSet, Instant departedAt) {

	public static PersonView of(Person p) {
		return new PersonView(p.id(), p.email(), p.displayName(), p.roles(), p.school(), p.yearsOfExperience(),
				p.coachId(), p.active(), p.passwordHash() != null, p.departedAt());
	}

}
