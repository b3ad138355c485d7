package org.cairn.account;

import java.util.Arrays;
import java.util.Set;

import org.cairn.problem.ProblemException;

/**
 * The signed-in caller, as every endpoint sees it ({@code @AuthenticationPrincipal CairnUser user}). Every query a
 * feature makes for district data is scoped by {@link #districtId()}.
 *
 * @param departed the person left the district: no roles, read-only access to their own badges ({@link TokenScopes})
 * @param language the language the person chose ("en", "es"); null: not chosen
 */
public record CairnUser(String personId, String districtId, String email, String displayName, Set<Role> roles,
		boolean platformAdmin, boolean departed, String language) {

	public CairnUser {
		roles = Set.copyOf(roles);
	}

	/** A caller who has not chosen a language. */
	public CairnUser(String personId, String districtId, String email, String displayName, Set<Role> roles,
			boolean platformAdmin, boolean departed) {
		this(personId, districtId, email, displayName, roles, platformAdmin, departed, null);
	}

	static CairnUser of(Person person) {
		// a former teacher keeps no role in the district: every role-guarded endpoint refuses them
		return new CairnUser(person.id(), person.districtId(), person.email(), person.displayName(),
				person.departed() ? Set.of() : person.roles(), person.platformAdmin(), person.departed(),
				person.language());
	}

	public boolean has(Role role) {
		return roles.contains(role);
	}

	/** Passes when the caller holds any of the roles; otherwise a 403 problem naming them. */
	public void require(Role... anyOf) {
		for (Role role : anyOf) {
			if (roles.contains(role)) {
				return;
			}
		}
		throw ProblemException.forbidden("This needs the role " + Arrays.toString(anyOf) + ".");
	}

	public void requirePlatformAdmin() {
		if (!platformAdmin) {
			throw ProblemException.forbidden("This needs a platform administrator.");
		}
	}

}
