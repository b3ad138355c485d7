package org.cairn.endorsement;

import org.cairn.problem.ProblemType;

import org.springframework.http.HttpStatus;

/** Endorsing, accepting, hiding and withdrawing endorsements. */
enum EndorsementProblem implements ProblemType {

	/** The address given names no badge class or issuer that can be endorsed. */
	NOT_ENDORSABLE("not-endorsable", HttpStatus.UNPROCESSABLE_CONTENT),
	/** A district endorsing its own badge or itself. */
	SELF_ENDORSEMENT("self-endorsement", HttpStatus.UNPROCESSABLE_CONTENT),
	/** The endorsement was withdrawn by the district that made it: it can no longer be accepted or hidden. */
	ENDORSEMENT_WITHDRAWN("endorsement-withdrawn", HttpStatus.CONFLICT);

	private final String slug;

	private final HttpStatus status;

	EndorsementProblem(String slug, HttpStatus status) {
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
