package org.cairn.practice;

/**
 * Who may see a shared piece, widest last. A piece's own audience counts only as far as its district opened its
 * library ({@link PracticeSettings}): the narrower of the two applies.
 */
enum Audience {

	/** Colleagues in the teacher's district. */
	DISTRICT,
	/** And signed-in people of other Cairn districts. */
	CAIRN,
	/** And anyone, on the public page, without signing in. */
	PUBLIC;

	Audience narrower(Audience other) {
		return compareTo(other) <= 0 ? this : other;
	}

}
