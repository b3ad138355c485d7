package org.cairn.evidence;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.cairn.problem.ProblemException.FieldProblem;
import org.cairn.template.ArtifactKind;
import org.cairn.template.Requirement;
import org.cairn.template.Tier;

/** What a tier needs before it can be submitted, as field problems keyed by requirement. */
final class TierCheck {

	private TierCheck() {
	}

	static List<FieldProblem> problems(Tier tier, Set<String> passedTiers, List<Evidence> evidence) {
		List<FieldProblem> problems = new ArrayList<>();
		for (String required : tier.requires()) {
			if (!passedTiers.contains(required)) {
				problems.add(new FieldProblem("tiers." + required, "pass " + required + " first"));
			}
		}
		for (Requirement r : tier.requirements()) {
			List<Evidence> mine = evidence.stream().filter(e -> e.requirementKey().equals(r.key())).toList();
			String field = "requirements." + r.key();
			switch (r.kind()) {
				case REFLECTION -> reflection(r, mine, field, problems);
				case VIDEO -> count(r, files(mine, ArtifactKind.VIDEO), "video", field, problems);
				case ARTIFACTS, DATA -> count(r, mine.stream().filter(e -> e.type() == EvidenceType.FILE).count(),
						"file", field, problems);
				case LINKS -> count(r, mine.stream().filter(e -> e.type() == EvidenceType.LINK).count(), "link", field,
						problems);
				case PROPOSAL -> {
					// the proposal is part of the enrolment, approved before any tier
				}
			}
		}
		return problems;
	}

	private static void reflection(Requirement r, List<Evidence> mine, String field, List<FieldProblem> problems) {
		if (r.acceptsVideoInstead() && files(mine, ArtifactKind.VIDEO) > 0) {
			return;
		}
		Evidence text = mine.stream().filter(e -> e.type() == EvidenceType.TEXT).findFirst().orElse(null);
		int words = text == null || text.wordCount() == null ? 0 : text.wordCount();
		boolean tooFew = r.minWords() != null && words < r.minWords();
		boolean tooMany = r.maxWords() != null && words > r.maxWords();
		if (text == null || words == 0 || tooFew || tooMany) {
			String range = r.minWords() != null && r.maxWords() != null ? r.minWords() + "-" + r.maxWords()
					: r.minWords() != null ? "at least " + r.minWords() : "at most " + r.maxWords();
			problems.add(new FieldProblem(field, "the reflection has " + words + " words; it needs " + range
					+ (r.acceptsVideoInstead() ? " (or a " + r.minSeconds() + "-" + r.maxSeconds() + " second video)"
							: "")));
		}
	}

	private static long files(List<Evidence> mine, ArtifactKind kind) {
		return mine.stream().filter(e -> e.type() == EvidenceType.FILE && e.artifactKind() == kind).count();
	}

	private static void count(Requirement r, long n, String what, String field, List<FieldProblem> problems) {
		int min = r.minItems() == null ? 1 : r.minItems();
		if (n < min) {
			problems.add(new FieldProblem(field, "add at least " + min + " " + what + (min == 1 ? "" : "s")
					+ " (there " + (n == 1 ? "is " : "are ") + n + ")"));
		}
		if (r.maxItems() != null && n > r.maxItems()) {
			problems.add(new FieldProblem(field, "at most " + r.maxItems() + " " + what + "s"));
		}
	}

}
