package org.cairn.template;

/** Draft (editable), published (frozen, in the catalogue), retired (no new enrolments; badges stay valid). */
public enum TemplateStatus {

	DRAFT, PUBLISHED, RETIRED

}
