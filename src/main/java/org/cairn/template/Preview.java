package org.cairn.template;

import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.cairn.language.Language;

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

	/** The version in the reader's language: the district's Spanish wording where it gave one, Cairn's own lines too. */
	static Preview of(Template original, Language l) {
		Template t = original.in(l);
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
					tier.estimatedHours(), tier.credits(),
					tier.requirements().stream().map(r -> requirement(r, scale, l)).toList(), tier.pay()));
		}
		return new Preview(t.id(), t.familyId(), t.version(), t.status(), t.title(), t.summary(), t.criteria(),
				Artwork.served(t.artwork()), t.tags(), t.alignments(), describe(t.validFor(), l), t.proposalRequired(),
				scale.name(), scale.levels(), t.totalStipendCents(), tiers, renewal(t, scale, l));
	}

	private static RenewalPreview renewal(Template t, RubricScale scale, Language l) {
		if (!t.renewable()) {
			return null;
		}
		Tier tier = t.renewal().tier();
		return new RenewalPreview(t.renewal().kind(), tier == null ? null
				: new TierPreview(tier.key(), tier.title(), tier.description(), List.of(), false, 0, 0, null,
						tier.estimatedHours(), null,
						tier.requirements().stream().map(r -> requirement(r, scale, l)).toList(), Pay.nothing()));
	}

	private static RequirementPreview requirement(Requirement r, RubricScale scale, Language l) {
		List<CriterionPreview> criteria = r.criteria().stream().map(c -> {
			List<LevelDescriptor> levels = new ArrayList<>();
			for (int i = 0; i < c.descriptors().size(); i++) {
				levels.add(new LevelDescriptor(i < scale.levels().size() ? scale.levels().get(i)
						: l.text("template.level", String.valueOf(i)), c.descriptors().get(i)));
			}
			return new CriterionPreview(c.key(), c.name(), levels);
		}).toList();
		return new RequirementPreview(r.key(), r.kind(), r.title(), r.prompt(), asks(r, l), toPass(r, scale, l),
				criteria);
	}

	/** One line saying what the requirement asks for, e.g. "A written reflection of 500-600 words, or a video". */
	static String asks(Requirement r, Language l) {
		if (r.kind() == null) {
			return r.title();
		}
		return switch (r.kind()) {
			case REFLECTION -> r.acceptsVideoInstead()
					? l.text("template.asks.reflection-or-video", range(r.minWords(), r.maxWords(), "words", l),
							duration(r.minSeconds(), r.maxSeconds(), l))
					: l.text("template.asks.reflection", range(r.minWords(), r.maxWords(), "words", l));
			case VIDEO -> l.text("template.asks.video", duration(r.minSeconds(), r.maxSeconds(), l));
			case ARTIFACTS -> items(r, "files", l) + kinds(r, l);
			case LINKS -> items(r, "links", l);
			case DATA -> l.text("template.asks.data") + kinds(r, l) + (r.minItems() != null && r.minItems() > 1
					? l.text("template.asks.data-sets", r.minItems()) : "");
			case PROPOSAL -> l.text("template.asks.proposal");
		};
	}

	private static String toPass(Requirement r, RubricScale scale, Language l) {
		int level = r.passRule() != null ? r.passRule().minimumLevel() : scale.passingLevel();
		String levelName = level >= 0 && level < scale.levels().size() ? scale.levels().get(level)
				: l.text("template.level", String.valueOf(level));
		boolean all = r.passRule() == null || r.passRule().criteria().isEmpty();
		String which = all ? l.text("template.pass.every") : r.passRule().criteria().stream()
			.map(key -> r.criteria().stream().filter(c -> key.equals(c.key())).map(RubricCriterion::name).findFirst()
				.orElse(key))
			.collect(Collectors.joining(", "));
		boolean top = level == scale.levels().size() - 1;
		return l.text(top ? "template.pass.at" : "template.pass.at-or-above", which, levelName);
	}

	/** A count of things: "Files", "At least 2 files", "1-3 links or citations". */
	private static String items(Requirement r, String unit, Language l) {
		if (r.minItems() == null && r.maxItems() == null) {
			return l.text("template.items." + unit);
		}
		if (r.maxItems() == null) {
			return l.text("template.items." + unit + ".at-least", r.minItems());
		}
		String range = range(r.minItems() == null ? 0 : r.minItems(), r.maxItems(), unit, l);
		return Character.toUpperCase(range.charAt(0)) + range.substring(1);
	}

	private static String kinds(Requirement r, Language l) {
		return r.allowedKinds().isEmpty() ? "" : " (" + r.allowedKinds().stream()
			.map(k -> l.text("template.kind." + k.name()))
			.collect(Collectors.joining(", ")) + ")";
	}

	/** "500-600 words", "up to 3 minutes", "any length": {@code unit} names a plural catalogue key. */
	private static String range(Integer min, Integer max, String unit, Language l) {
		if (min == null && max == null) {
			return l.text("template.range.any");
		}
		if (min == null) {
			return l.text("template.range.up-to", l.text("template.unit." + unit, max));
		}
		if (max == null) {
			return l.text("template.range.at-least", l.text("template.unit." + unit, min));
		}
		return min.equals(max) ? l.text("template.unit." + unit, min)
				: l.text("template.range.between", min, l.text("template.unit." + unit, max));
	}

	private static String duration(Integer min, Integer max, Language l) {
		if (min != null && max != null && min % 60 == 0 && max % 60 == 0) {
			return range(min / 60, max / 60, "minutes", l);
		}
		return range(min, max, "seconds", l);
	}

	private static String describe(Period p, Language l) {
		if (p == null) {
			return null;
		}
		List<String> parts = new ArrayList<>();
		if (p.getYears() != 0) {
			parts.add(l.text("template.period.years", p.getYears()));
		}
		if (p.getMonths() != 0) {
			parts.add(l.text("template.period.months", p.getMonths()));
		}
		if (p.getDays() != 0) {
			parts.add(l.text("template.period.days", p.getDays()));
		}
		return String.join(" ", parts);
	}

}
