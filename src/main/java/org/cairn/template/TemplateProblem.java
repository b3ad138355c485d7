package org.cairn.template;

import org.cairn.problem.ProblemType;

import org.springframework.http.HttpStatus;

/** Authoring, publishing and retiring templates and frameworks. */
public enum TemplateProblem implements ProblemType {

	/** The template has problems; {@code errors[]} lists every one. */
	TEMPLATE_INVALID("template-invalid", HttpStatus.UNPROCESSABLE_CONTENT),
	/** A published or retired version never changes. */
	TEMPLATE_NOT_DRAFT("template-not-draft", HttpStatus.CONFLICT),
	/** The action needs a published template. */
	TEMPLATE_NOT_PUBLISHED("template-not-published", HttpStatus.CONFLICT),
	/** A retired version cannot be published again. */
	TEMPLATE_RETIRED("template-retired", HttpStatus.CONFLICT),
	/** Someone else saved or published the draft at the same moment. */
	EDIT_CONFLICT("edit-conflict", HttpStatus.CONFLICT),
	/** The framework code is taken. */
	FRAMEWORK_EXISTS("framework-exists", HttpStatus.CONFLICT),
	/** The template has no artwork that can be rendered. */
	ARTWORK_UNRENDERABLE("artwork-unrenderable", HttpStatus.CONFLICT);

	private final String slug;

	private final HttpStatus status;

	TemplateProblem(String slug, HttpStatus status) {
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
