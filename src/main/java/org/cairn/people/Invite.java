package org.cairn.people;

import java.util.Set;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.cairn.account.Role;
import org.cairn.mail.HeaderText;

/** The body of {@code POST /api/v1/people}: who to invite and what they will do. */
public record Invite(@NotBlank @Email @Size(max = 320) String email, @Size(max = 200) @HeaderText String displayName,
		@NotEmpty @Size(max = 4) Set<@NotNull Role> roles, @Size(max = 200) String school,
		@Min(0) @Max(60) Integer yearsOfExperience, @Size(max = 64) String coachId) {
}
