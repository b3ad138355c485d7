package org.cairn.template;

import java.time.Instant;
import java.util.List;

import org.cairn.problem.ProblemException.FieldProblem;

/**
 * A template version as its author sees it. {@code content} is exactly what {@code PUT} takes back;
 * {@code problems} lists what still blocks publishing a draft (empty once it is publishable or frozen).
 */
record TemplateView(String id, String familyId, int version, TemplateStatus status, String libraryKey,
		Instant createdAt, Instant publishedAt, long totalStipendCents, TemplateContent content,
		List<FieldProblem> problems) {

	static TemplateView of(Template t, TemplateRules rules) {
		TemplateContent content = TemplateContent.of(t);
		return new TemplateView(t.id(), t.familyId(), t.version(), t.status(), t.libraryKey(), t.createdAt(),
				t.publishedAt(), t.totalStipendCents(), content,
				t.status() == TemplateStatus.DRAFT ? rules.check(content) : List.of());
	}

	/** One line of a list: no artwork or rubric, so a district's whole list stays small. */
	record Summary(String id, String familyId, int version, TemplateStatus status, String title, String libraryKey,
			int tierCount, long totalStipendCents, Instant createdAt, Instant publishedAt) {

		static Summary of(Template t) {
			return new Summary(t.id(), t.familyId(), t.version(), t.status(), t.title(), t.libraryKey(),
					t.tiers().size(), t.totalStipendCents(), t.createdAt(), t.publishedAt());
		}

	}

}
