package org.cairn.people;

import org.cairn.problem.ProblemType;

import org.springframework.http.HttpStatus;

/** Invitations, password resets and a district's people. */
enum PeopleProblem implements ProblemType {

	/** The email cannot be invited (without saying why). */
	EMAIL_UNAVAILABLE("email-unavailable", HttpStatus.CONFLICT),
	/** The person already accepted an invitation. */
	ALREADY_JOINED("already-joined", HttpStatus.CONFLICT),
	/** No such invitation link. */
	INVITATION_NOT_FOUND("invitation-not-found", HttpStatus.NOT_FOUND),
	/** The invitation was withdrawn. */
	INVITATION_REVOKED("invitation-revoked", HttpStatus.GONE),
	/** The invitation link expired. */
	INVITATION_EXPIRED("invitation-expired", HttpStatus.GONE),
	/** The invitation link was already used. */
	INVITATION_USED("invitation-used", HttpStatus.GONE),
	/** No such reset link. */
	PASSWORD_RESET_NOT_FOUND("password-reset-not-found", HttpStatus.NOT_FOUND),
	/** The reset link expired. */
	PASSWORD_RESET_EXPIRED("password-reset-expired", HttpStatus.GONE),
	/** The reset link was already used. */
	PASSWORD_RESET_USED("password-reset-used", HttpStatus.GONE),
	/** An administrator tried to drop their own admin role. */
	OWN_ADMIN_ROLE("own-admin-role", HttpStatus.CONFLICT),
	/** An administrator tried to deactivate themselves. */
	CANNOT_DEACTIVATE_SELF("cannot-deactivate-self", HttpStatus.CONFLICT),
	/** The address belongs to another Cairn account (told only to whoever opened the link mailed to it). */
	ADDRESS_IN_USE("address-in-use", HttpStatus.CONFLICT),
	/** No such address verification or sign-in link. */
	EMAIL_LINK_NOT_FOUND("email-link-not-found", HttpStatus.NOT_FOUND),
	/** The address verification or sign-in link expired. */
	EMAIL_LINK_EXPIRED("email-link-expired", HttpStatus.GONE),
	/** The address verification or sign-in link was already used. */
	EMAIL_LINK_USED("email-link-used", HttpStatus.GONE),
	/** The address is not one of the person's verified addresses. */
	ADDRESS_NOT_VERIFIED("address-not-verified", HttpStatus.CONFLICT);

	private final String slug;

	private final HttpStatus status;

	PeopleProblem(String slug, HttpStatus status) {
		this.slug = slug;
		this.status = status;
	}

	@Override
	public String slug() {
		return slug;
	}

	@Override
	public HttpStatus status() {
		return status;
	}

}
