package org.cairn.template;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.cairn.mail.HeaderText;
import org.cairn.problem.ProblemException.FieldProblem;

import org.springframework.stereotype.Component;

/**
 * Everything a template must satisfy before it can be published, imported or shipped in the starter library.
 * {@link #check} never stops at the first problem: it returns every one, each with the JSON path of the field, so
 * an author fixes them all in one pass.
 */
@Component
public class TemplateRules {

	static final int MAX_TIERS = 12;

	static final int MAX_REQUIREMENTS = 12;

	static final int MAX_CRITERIA = 12;

	static final int MAX_WORDS = 10_000;

	static final int MAX_SECONDS = 60 * 60;

	static final long MAX_STIPEND_CENTS = 10_000_000;

	private static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

	private final Frameworks frameworks;

	TemplateRules(Frameworks frameworks) {
		this.frameworks = frameworks;
	}

	/** Every problem with the content; empty when it can be published. */
	public List<FieldProblem> check(TemplateContent content) {
		Problems problems = new Problems("");
		problems.line("title", content.title(), 3, 120);
		problems.text("summary", content.summary(), 10, 1_000);
		problems.text("criteria", content.criteria(), 10, 20_000);
		Artwork.problem(content.artwork()).ifPresent(message -> problems.add("artwork", message));
		checkTags(problems, content.tags());
		checkAlignments(problems, content.alignments());
		if (content.validFor() != null && (content.validFor().isNegative() || content.validFor().isZero())) {
			problems.say("validFor", "valid-for");
		}
		int levels = checkScale(problems, content.scale());
		checkTiers(problems, content.tiers(), levels);
		RenewalRules.check(problems, content, levels);
		TranslationRules.check(problems, content);
		return problems.list;
	}

	private void checkTags(Problems problems, Tags tags) {
		checkTagList(problems, "tags.subjects", tags.subjects());
		checkTagList(problems, "tags.gradeBands", tags.gradeBands());
		checkTagList(problems, "tags.topics", tags.topics());
	}

	private static void checkTagList(Problems problems, String path, List<String> values) {
		if (values.size() > 20) {
			problems.say(path, "too-many-entries", values.size(), 20);
		}
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < values.size(); i++) {
			problems.text(path + "[" + i + "]", values.get(i), 1, 60);
			if (values.get(i) != null && !seen.add(values.get(i).toLowerCase())) {
				problems.say(path + "[" + i + "]", "duplicates", values.get(i));
			}
		}
	}

	private void checkAlignments(Problems problems, List<Alignment> alignments) {
		if (alignments.size() > 30) {
			problems.say("alignments", "too-many-entries", alignments.size(), 30);
		}
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < alignments.size(); i++) {
			String path = "alignments[" + i + "]";
			Alignment a = alignments.get(i);
			if (a == null) {
				problems.say(path, "not-null");
				continue;
			}
			problems.text(path + ".targetName", a.targetName(), 1, 200);
			if (!isWebUrl(a.targetUrl())) {
				problems.say(path + ".targetUrl", "http-url");
			}
			problems.optionalText(path + ".targetDescription", a.targetDescription(), 1_000);
			problems.optionalText(path + ".targetFramework", a.targetFramework(), 200);
			problems.optionalText(path + ".targetCode", a.targetCode(), 100);
			if (a.targetCode() != null && !seen.add(a.targetFramework() + "|" + a.targetCode())) {
				problems.say(path + ".targetCode", "duplicate-alignment", a.targetCode());
			}
			// A built-in framework's codes are known: a typo there would hide the template from catalogue filters.
			if (a.targetFramework() != null && a.targetCode() != null) {
				frameworks.builtInNamed(a.targetFramework())
					.filter(f -> f.entry(a.targetCode()).isEmpty())
					.ifPresent(f -> problems.say(path + ".targetCode", "not-a-code", a.targetCode(), f.name()));
			}
		}
	}

	/** @return the number of levels, 0 when the scale is unusable */
	private static int checkScale(Problems problems, RubricScale scale) {
		if (scale == null) {
			problems.say("scale", "scale-required");
			return 0;
		}
		problems.text("scale.name", scale.name(), 1, 60);
		List<String> levels = scale.levels();
		if (levels.size() < 2 || levels.size() > 6) {
			problems.say("scale.levels", "scale-levels", levels.size());
		}
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < levels.size(); i++) {
			problems.text("scale.levels[" + i + "]", levels.get(i), 1, 60);
			if (levels.get(i) != null && !seen.add(levels.get(i))) {
				problems.say("scale.levels[" + i + "]", "duplicate-level", levels.get(i));
			}
		}
		if (!levels.isEmpty() && (scale.passingLevel() < 0 || scale.passingLevel() >= levels.size())) {
			problems.say("scale.passingLevel", "passing-level", levels.size() - 1);
		}
		return levels.size() < 2 ? 0 : levels.size();
	}

	private static void checkTiers(Problems problems, List<Tier> tiers, int levels) {
		if (tiers.isEmpty()) {
			problems.say("tiers", "no-tiers");
		}
		if (tiers.size() > MAX_TIERS) {
			problems.say("tiers", "too-many-tiers", tiers.size(), MAX_TIERS);
		}
		Map<String, Integer> position = new HashMap<>();
		for (int i = 0; i < tiers.size(); i++) {
			Tier tier = tiers.get(i);
			if (tier != null && tier.key() != null && position.putIfAbsent(tier.key(), i) != null) {
				problems.say("tiers[" + i + "].key", "duplicate-key", "tiers[" + position.get(tier.key()) + "]");
			}
		}
		for (int i = 0; i < tiers.size(); i++) {
			String path = "tiers[" + i + "]";
			Tier tier = tiers.get(i);
			if (tier == null) {
				problems.say(path, "not-null");
				continue;
			}
			problems.key(path + ".key", tier.key());
			problems.line(path + ".title", tier.title(), 1, 120);
			problems.optionalText(path + ".description", tier.description(), 4_000);
			problems.optionalText(path + ".fundingSource", tier.fundingSource(), 60);
			// a stipend's amount is its pay's (stipendCents is derived from it, or read into it from older documents):
			// checked once there, so one wrong amount is one problem, under the field the editor shows
			PayRules.check(problems, path + ".pay", tier.pay());
			if (tier.estimatedHours() != null && (tier.estimatedHours() < 0 || tier.estimatedHours() > 1_000)) {
				problems.say(path + ".estimatedHours", "range", 0, 1000);
			}
			if (tier.credits() != null && (tier.credits().isNaN() || tier.credits() < 0 || tier.credits() > 1_000
					|| Math.abs(tier.credits() * 100 - Math.rint(tier.credits() * 100)) > 1e-6)) {
				problems.say(path + ".credits", "credits");
			}
			checkRequires(problems, path, tier, i, position);
			checkRequirements(problems, path, tier.requirements(), levels);
		}
		findCycle(tiers).ifPresent(cycle -> problems.say("tiers", "cycle", cycle));
	}

	private static void checkRequires(Problems problems, String path, Tier tier, int index,
			Map<String, Integer> position) {
		Set<String> seen = new HashSet<>();
		for (int j = 0; j < tier.requires().size(); j++) {
			String required = tier.requires().get(j);
			String at = path + ".requires[" + j + "]";
			if (required == null) {
				problems.say(at, "name-a-tier");
			}
			else if (!seen.add(required)) {
				problems.say(at, "names-twice", required);
			}
			else if (required.equals(tier.key())) {
				problems.say(at, "requires-itself");
			}
			else if (!position.containsKey(required)) {
				problems.say(at, "requires-unknown", required);
			}
			else if (position.get(required) > index) {
				problems.say(at, "requires-later", required);
			}
		}
	}

	private static java.util.Optional<String> findCycle(List<Tier> tiers) {
		Map<String, List<String>> edges = new HashMap<>();
		for (Tier tier : tiers) {
			if (tier != null && tier.key() != null) {
				edges.putIfAbsent(tier.key(), tier.requires());
			}
		}
		Map<String, Integer> state = new HashMap<>();
		for (String start : edges.keySet()) {
			List<String> trail = new ArrayList<>();
			String cycle = visit(start, edges, state, trail);
			if (cycle != null) {
				return java.util.Optional.of(cycle);
			}
		}
		return java.util.Optional.empty();
	}

	/** Depth-first search; 1 = on the current path, 2 = done. Returns the cycle as "a -> b -> a". */
	private static String visit(String node, Map<String, List<String>> edges, Map<String, Integer> state,
			List<String> trail) {
		Integer s = state.get(node);
		if (s != null && s == 2) {
			return null;
		}
		if (s != null && s == 1) {
			List<String> loop = new ArrayList<>(trail.subList(trail.indexOf(node), trail.size()));
			loop.add(node);
			return String.join(" -> ", loop);
		}
		if (!edges.containsKey(node)) {
			return null;
		}
		state.put(node, 1);
		trail.add(node);
		for (String next : edges.get(node)) {
			if (next != null && !next.equals(node)) {
				String cycle = visit(next, edges, state, trail);
				if (cycle != null) {
					return cycle;
				}
			}
		}
		trail.remove(trail.size() - 1);
		state.put(node, 2);
		return null;
	}

	static void checkRequirements(Problems problems, String tierPath, List<Requirement> requirements,
			int levels) {
		if (requirements.isEmpty()) {
			problems.say(tierPath + ".requirements", "no-requirements");
		}
		if (requirements.size() > MAX_REQUIREMENTS) {
			problems.say(tierPath + ".requirements", "too-many", requirements.size(), MAX_REQUIREMENTS);
		}
		Map<String, Integer> keys = new HashMap<>();
		for (int i = 0; i < requirements.size(); i++) {
			String path = tierPath + ".requirements[" + i + "]";
			Requirement r = requirements.get(i);
			if (r == null) {
				problems.say(path, "not-null");
				continue;
			}
			problems.key(path + ".key", r.key());
			if (r.key() != null && keys.putIfAbsent(r.key(), i) != null) {
				problems.say(path + ".key", "duplicate-key", "requirements[" + keys.get(r.key()) + "]");
			}
			if (r.kind() == null) {
				problems.say(path + ".kind", "kind-required", java.util.Arrays.toString(RequirementKind.values()));
			}
			problems.line(path + ".title", r.title(), 1, 120);
			problems.text(path + ".prompt", r.prompt(), 1, 4_000);
			checkLimits(problems, path, r);
			checkCriteria(problems, path, r, levels);
		}
	}

	private static void checkLimits(Problems problems, String path, Requirement r) {
		problems.range(path, "Words", r.minWords(), r.maxWords(), 1, MAX_WORDS);
		problems.range(path, "Seconds", r.minSeconds(), r.maxSeconds(), 1, MAX_SECONDS);
		problems.range(path, "Items", r.minItems(), r.maxItems(), 0, 100);
		if (r.kind() == null) {
			return;
		}
		switch (r.kind()) {
			case REFLECTION -> {
				if (r.minWords() == null || r.maxWords() == null) {
					problems.say(path + ".minWords", "reflection-words");
				}
				if ((r.minSeconds() == null) != (r.maxSeconds() == null)) {
					problems.say(path + ".minSeconds", "video-alternative");
				}
			}
			case VIDEO -> {
				if (r.minSeconds() == null || r.maxSeconds() == null) {
					problems.say(path + ".minSeconds", "video-seconds");
				}
			}
			case ARTIFACTS, DATA -> {
				if (r.allowedKinds().isEmpty()) {
					problems.say(path + ".allowedKinds", "allowed-kinds");
				}
			}
			case LINKS, PROPOSAL -> {
			}
		}
	}

	private static void checkCriteria(Problems problems, String path, Requirement r, int levels) {
		if (r.criteria().isEmpty()) {
			problems.say(path + ".criteria", "no-criteria");
		}
		if (r.criteria().size() > MAX_CRITERIA) {
			problems.say(path + ".criteria", "too-many", r.criteria().size(), MAX_CRITERIA);
		}
		Map<String, Integer> keys = new HashMap<>();
		for (int i = 0; i < r.criteria().size(); i++) {
			String at = path + ".criteria[" + i + "]";
			RubricCriterion c = r.criteria().get(i);
			if (c == null) {
				problems.say(at, "not-null");
				continue;
			}
			problems.key(at + ".key", c.key());
			if (c.key() != null && keys.putIfAbsent(c.key(), i) != null) {
				problems.say(at + ".key", "duplicate-key", "criteria[" + keys.get(c.key()) + "]");
			}
			problems.text(at + ".name", c.name(), 1, 200);
			if (levels > 0 && c.descriptors().size() != levels) {
				problems.say(at + ".descriptors", "descriptors", c.descriptors().size(), levels);
			}
			for (int d = 0; d < c.descriptors().size(); d++) {
				problems.text(at + ".descriptors[" + d + "]", c.descriptors().get(d), 1, 1_000);
			}
		}
		PassRule rule = r.passRule();
		if (rule == null) {
			return;
		}
		if (levels > 0 && (rule.minimumLevel() < 0 || rule.minimumLevel() >= levels)) {
			problems.say(path + ".passRule.minimumLevel", "pass-level", rule.minimumLevel(), levels - 1);
		}
		for (int i = 0; i < rule.criteria().size(); i++) {
			String named = rule.criteria().get(i);
			if (!keys.containsKey(named)) {
				problems.say(path + ".passRule.criteria[" + i + "]", "pass-criterion", named);
			}
		}
	}

	static boolean isWebUrl(String value) {
		if (value == null || value.length() > 2_000) {
			return false;
		}
		try {
			URI uri = new URI(value);
			return uri.isAbsolute() && ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))
					&& uri.getHost() != null && !uri.getHost().isBlank();
		}
		catch (URISyntaxException ex) {
			return false;
		}
	}

	/** Collects problems under a path prefix. */
	static final class Problems {

		final List<FieldProblem> list = new ArrayList<>();

		private final String prefix;

		Problems(String prefix) {
			this.prefix = prefix;
		}

		/** A problem in English only (the artwork's, a framework's own words). */
		void add(String path, String message) {
			list.add(new FieldProblem(prefix + path, message));
		}

		/**
		 * A problem in the catalogue's words ({@code template.problem.<key>} of {@code i18n/template*.properties}),
		 * answered in the caller's language.
		 */
		void say(String path, String key, Object... args) {
			list.add(FieldProblem.of(prefix + path, "template.problem." + key, args));
		}

		void text(String path, String value, int min, int max) {
			if (value == null || value.isBlank()) {
				say(path, "required");
			}
			else if (value.strip().length() < min) {
				say(path, "at-least", min);
			}
			else if (value.length() > max) {
				say(path, "at-most", max);
			}
		}

		/** A title: it reaches notification subjects, so one line without control characters. */
		void line(String path, String value, int min, int max) {
			text(path, value, min, max);
			if (value != null && !HeaderText.Validator.isSafe(value)) {
				say(path, "one-line");
			}
		}

		/** An optional title: when given, one line of at most {@code max} characters. */
		void optionalLine(String path, String value, int max) {
			optionalText(path, value, max);
			if (value != null && !HeaderText.Validator.isSafe(value)) {
				say(path, "one-line");
			}
		}

		void optionalText(String path, String value, int max) {
			if (value != null && value.length() > max) {
				say(path, "at-most", max);
			}
		}

		void key(String path, String value) {
			if (value == null || !KEY.matcher(value).matches()) {
				say(path, "key");
			}
		}

		/** A min/max pair: each within bounds when present, and min not above max. */
		void range(String path, String what, Integer min, Integer max, int lowest, int highest) {
			if (min != null && (min < lowest || min > highest)) {
				say(path + ".min" + what, "range", lowest, highest);
			}
			if (max != null && (max < lowest || max > highest)) {
				say(path + ".max" + what, "range", lowest, highest);
			}
			if (min != null && max != null && min > max) {
				say(path + ".min" + what, "min-above-max", what, min, max);
			}
		}

	}

}
