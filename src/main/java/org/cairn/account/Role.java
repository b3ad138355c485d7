package org.cairn.account;

/** What a person may do in their district. One person may hold several roles. */
public enum Role {

	/** Authors templates, approves proposals, manages people, budget and revocation. */
	DISTRICT_ADMIN,
	/** Scores submitted evidence against the rubric. */
	ASSESSOR,
	/** Supports teachers; may be barred from assessing the teachers they coach. */
	COACH,
	/** Earns microcredentials. */
	TEACHER;

	public String authority() {
		return "ROLE_" + name();
	}

}
