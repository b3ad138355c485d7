package org.cairn.csv;

import org.cairn.problem.ProblemType;

import org.springframework.http.HttpStatus;

/** Reading an uploaded spreadsheet (roster imports, bulk awards). */
public enum CsvProblem implements ProblemType {

	/** The file is not CSV Cairn can read (an unclosed quotation mark). */
	CSV_UNREADABLE("csv-unreadable", HttpStatus.BAD_REQUEST),
	/** Rows need fixing; {@code rows[]} names each; nothing was done. */
	CSV_INVALID_ROWS("csv-invalid-rows", HttpStatus.UNPROCESSABLE_CONTENT),
	/** A header row without an {@code email} column. */
	CSV_NO_EMAIL_COLUMN("csv-no-email-column", HttpStatus.BAD_REQUEST);

	private final String slug;

	private final HttpStatus status;

	CsvProblem(String slug, HttpStatus status) {
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
