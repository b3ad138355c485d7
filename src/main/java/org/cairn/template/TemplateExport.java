package org.cairn.template;

/**
 * A template as a portable document: its content and where it came from, and nothing that only means something
 * on this installation (no ids, districts, versions or dates).
 *
 * @param format always {@link #FORMAT}; lets a future format be told apart
 * @param libraryKey the starter library entry it was adopted from, if any
 */
record TemplateExport(String format, String libraryKey, TemplateContent template) {

	static final String FORMAT = "cairn.template/1";

	static TemplateExport of(Template t) {
		return new TemplateExport(FORMAT, t.libraryKey(), TemplateContent.of(t));
	}

}
