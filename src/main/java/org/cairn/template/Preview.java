package org.cairn.template;

import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A template as a teacher sees it before enrolling: what each tier asks for, how it is scored, what it pays.
 */
record Preview(String id, String familyId, int version, TemplateStatus status, String title, String summary,
		String criteria, String artwork, Tags tags, List<Alignment> alignments, String validFor,
		boolean proposalRequired, String scale, List<String> levels, long totalStipendCents, List<TierPreview> tiers,
		RenewalPreview renewal) {

	/** The renewal path: {@code kind} TIER with its {@code tier}, or FULL (every tier again). */
	record RenewalPreview(RenewalPath.Kind kind, TierPreview tier) {
	}

	record TierPreview(String key, String title, String description, List<String> requires,
			boolean awardedSeparately, long stipendCents, long runningTotalCents, String fundingSource,
			Integer estimatedHours, Double credits, List<RequirementPreview> requirements, Pay pay) {
	}

	record RequirementPreview(String key, RequirementKind kind, String title, String prompt, String asks,
			String toPass, List<CriterionPreview> criteria) {
	}

	record CriterionPreview(String key, String name, List<LevelDescriptor> levels) {
	}

	record LevelDescriptor(String level, String descriptor) {
	}

	static Preview of(Template t) {
		RubricScale scale = t.scale() == null ? new RubricScale(null, List.of(), 0) : t.scale();
		List<TierPreview> tiers = new ArrayList<>();
		long running = 0;
		for (Tier tier : t.tiers()) {
			running += tier.stipendCents();
			List<String> requires = tier.requires()
				.stream()
				.map(key -> t.tier(key).map(Tier::title).orElse(key))
				.toList();
			tiers.add(new TierPreview(tier.key(), tier.title(), tier.description(), requires,
					tier.awardedSeparately(), tier.stipendCents(), running, tier.fundingSource(),
					tier.estimatedHours(), tier.credits(), tier.requirements().stream().map(r -> requirement(r, scale)).toList(),
					tier.pay()));
		}
		return new Preview(t.id(), t.familyId(), t.version(), t.status(), t.title(), t.summary(), t.criteria(),
				Artwork.served(t.artwork()), t.tags(), t.alignments(), describe(t.validFor()), t.proposalRequired(), scale.name(),
				scale.levels(), t.totalStipendCents(), tiers, renewal(t, scale));
	}

	private static RenewalPreview renewal(Template t, RubricScale scale) {
		if (!t.renewable()) {
			return null;
		}
		Tier tier = t.renewal().tier();
		return new RenewalPreview(t.renewal().kind(), tier == null ? null
				: new TierPreview(tier.key(), tier.title(), tier.description(), List.of(), false, 0, 0, null,
						tier.estimatedHours(), null,
						tier.requirements().stream().map(r -> requirement(r, scale)).toList(), Pay.nothing()));
	}

	private static RequirementPreview requirement(Requirement r, RubricScale scale) {
		List<CriterionPreview> criteria = r.criteria().stream().map(c -> {
			List<LevelDescriptor> levels = new ArrayList<>();
			for (int i = 0; i < c.descriptors().size(); i++) {
				levels.add(new LevelDescriptor(i < scale.levels().size() ? scale.levels().get(i) : "Level " + i,
						c.descriptors().get(i)));
			}
			return new CriterionPreview(c.key(), c.name(), levels);
		}).toList();
		return new RequirementPreview(r.key(), r.kind(), r.title(), r.prompt(), asks(r), toPass(r, scale), criteria);
	}

	/** One line saying what the requirement asks for, e.g. "A written reflection of 500-600 words, or a video". */
	static String asks(Requirement r) {
		if (r.kind() == null) {
			return r.title();
		}
		return switch (r.kind()) {
			case REFLECTION -> "A written reflection of " + range(r.minWords(), r.maxWords(), "words")
					+ (r.acceptsVideoInstead() ? ", or a video of " + duration(r.minSeconds(), r.maxSeconds()) : "");
			case VIDEO -> "A video of " + duration(r.minSeconds(), r.maxSeconds());
			case ARTIFACTS -> items(r, "File") + kinds(r);
			case LINKS -> items(r, "Link or citation", "links or citations");
			case DATA -> "Data" + kinds(r) + (r.minItems() != null && r.minItems() > 1 ? ", at least " + r.minItems()
					+ " sets" : "");
			case PROPOSAL -> "A proposal: your topic, sources of new learning and an implementation plan";
		};
	}

	private static String toPass(Requirement r, RubricScale scale) {
		int level = r.passRule() != null ? r.passRule().minimumLevel() : scale.passingLevel();
		String levelName = level >= 0 && level < scale.levels().size() ? scale.levels().get(level) : "level " + level;
		boolean all = r.passRule() == null || r.passRule().criteria().isEmpty();
		String which = all ? "Every criterion" : r.passRule().criteria().stream()
			.map(key -> r.criteria().stream().filter(c -> key.equals(c.key())).map(RubricCriterion::name).findFirst()
				.orElse(key))
			.collect(Collectors.joining(", "));
		boolean top = level == scale.levels().size() - 1;
		return which + " at " + levelName + (top ? "" : " or above");
	}

	private static String items(Requirement r, String noun) {
		return items(r, noun, noun.toLowerCase() + "s");
	}

	private static String items(Requirement r, String noun, String plural) {
		if (r.minItems() == null && r.maxItems() == null) {
			return Character.toUpperCase(plural.charAt(0)) + plural.substring(1);
		}
		if (r.maxItems() == null) {
			return "At least " + r.minItems() + " " + (r.minItems() == 1 ? noun.toLowerCase() : plural);
		}
		return range(r.minItems() == null ? 0 : r.minItems(), r.maxItems(), plural);
	}

	private static String kinds(Requirement r) {
		return r.allowedKinds().isEmpty() ? "" : " (" + r.allowedKinds().stream()
			.map(k -> k.name().toLowerCase())
			.collect(Collectors.joining(", ")) + ")";
	}

	private static String range(Integer min, Integer max, String unit) {
		if (min == null && max == null) {
			return "any length";
		}
		if (min == null) {
			return "up to " + max + " " + unit;
		}
		if (max == null) {
			return "at least " + min + " " + unit;
		}
		return min.equals(max) ? min + " " + unit : min + "-" + max + " " + unit;
	}

	private static String duration(Integer min, Integer max) {
		if (min != null && max != null && min % 60 == 0 && max % 60 == 0) {
			return range(min / 60, max / 60, "minutes");
		}
		return range(min, max, "seconds");
	}

	private static String describe(Period p) {
		if (p == null) {
			return null;
		}
		List<String> parts = new ArrayList<>();
		if (p.getYears() != 0) {
			parts.add(p.getYears() + (p.getYears() == 1 ? " year" : " years"));
		}
		if (p.getMonths() != 0) {
			parts.add(p.getMonths() + (p.getMonths() == 1 ? " month" : " months"));
		}
		if (p.getDays() != 0) {
			parts.add(p.getDays() + (p.getDays() == 1 ? " day" : " days"));
		}
		return String.join(" ", parts);
	}

}
