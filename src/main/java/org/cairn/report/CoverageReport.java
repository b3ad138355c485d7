package org.cairn.report;

import java.time.Instant;
import java.util.List;

/** Which standards and clusters the district's published microcredentials align to, and how often they are earned. */
record CoverageReport(List<Row> alignments, Instant generatedAt) {

	/**
	 * @param publishedMicrocredentials published microcredentials (families) aligned to it
	 * @param awards awards earned under templates aligned to it
	 * @param badgesHeld badges under templates aligned to it that are held now (issued and not revoked)
	 */
	record Row(String framework, String code, String name, long publishedMicrocredentials, long awards,
			long badgesHeld) {
	}

}
