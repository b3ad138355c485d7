package org.cairn.practice;

import org.cairn.problem.ProblemType;

import org.springframework.http.HttpStatus;

/** Sharing into and reading the practice library. */
enum PracticeProblem implements ProblemType {

	/** Sharing needs the teacher's confirmation that no student face or name shows. */
	STUDENT_PRIVACY_UNCONFIRMED("student-privacy-unconfirmed", HttpStatus.UNPROCESSABLE_ENTITY);

	private final String slug;

	private final HttpStatus status;

	PracticeProblem(String slug, HttpStatus status) {
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
