package org.cairn.template;

/** The kinds of evidence a requirement can ask for. */
public enum RequirementKind {

	/** Written reflection with a word range; optionally a video of a duration range instead. */
	REFLECTION,
	/** Classroom or explanatory video with a duration range. */
	VIDEO,
	/** Files: photos, student work, lesson plans, anchor charts. */
	ARTIFACTS,
	/** Links to resources (every resource a colleague needs to implement the lesson). */
	LINKS,
	/** A data set: formative, summative, survey, perceptual, checklist. */
	DATA,
	/** Topic, at least two sources of new learning, and an implementation plan. */
	PROPOSAL

}
