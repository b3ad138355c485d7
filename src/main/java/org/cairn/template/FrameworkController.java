package org.cairn.template;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.cairn.account.CairnUser;
import org.cairn.account.Role;
import org.cairn.problem.ProblemException;
import org.cairn.problem.ProblemException.FieldProblem;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The frameworks a district can align templates to: the built-in ones and its own. */
@RestController
@RequestMapping("/api/v1/frameworks")
class FrameworkController {

	private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.\\-]{0,39}");

	private final Frameworks frameworks;

	FrameworkController(Frameworks frameworks) {
		this.frameworks = frameworks;
	}

	record FrameworkSummary(String code, String name, String edition, String publisher, String url,
			String description, boolean builtIn, int entryCount) {
	}

	/** An entry with the alignment a template would carry for it, ready to paste into {@code alignments}. */
	record EntryView(String code, String name, Framework.Kind kind, String group, List<String> alsoKnownAs,
			String description, String url, List<String> components, Alignment alignment) {
	}

	record FrameworkView(String code, String name, String edition, String publisher, String url, String description,
			List<Framework.Source> sources, String verification, boolean builtIn, List<EntryView> entries) {
	}

	record NewFramework(String code, String name, String edition, String publisher, String url, String description,
			List<Framework.Source> sources, List<Framework.Entry> entries) {
	}

	@GetMapping
	Mono<List<FrameworkSummary>> list(@AuthenticationPrincipal CairnUser user) {
		return frameworks.visibleTo(user.districtId())
			.map(f -> new FrameworkSummary(f.code(), f.name(), f.edition(), f.publisher(), f.url(), f.description(),
					f.districtId() == null, f.entries().size()))
			.collectList();
	}

	@GetMapping("/{code}")
	Mono<FrameworkView> show(@AuthenticationPrincipal CairnUser user, @PathVariable String code) {
		return frameworks.find(user.districtId(), code).map(FrameworkController::view);
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	Mono<FrameworkView> add(@AuthenticationPrincipal CairnUser user, @RequestBody NewFramework body) {
		user.require(Role.DISTRICT_ADMIN);
		List<FieldProblem> problems = check(body);
		if (!problems.isEmpty()) {
			return Mono.error(ProblemException.invalid(problems));
		}
		return frameworks.add(user.districtId(), new Framework(null, null, body.code(), body.name(), body.edition(),
				body.publisher(), body.url(), body.description(), body.sources(), null, body.entries(), null))
			.map(FrameworkController::view);
	}

	private static FrameworkView view(Framework f) {
		return new FrameworkView(f.code(), f.name(), f.edition(), f.publisher(), f.url(), f.description(), f.sources(),
				f.verification(), f.districtId() == null,
				f.entries()
					.stream()
					.map(e -> new EntryView(e.code(), e.name(), e.kind(), e.group(), e.alsoKnownAs(), e.description(),
							e.url(), e.components(), f.alignmentTo(e)))
					.toList());
	}

	private static List<FieldProblem> check(NewFramework body) {
		TemplateRules.Problems problems = new TemplateRules.Problems("");
		if (body.code() == null || !CODE.matcher(body.code()).matches()) {
			problems.add("code", "must be 1-40 letters, digits, dots or hyphens");
		}
		problems.text("name", body.name(), 3, 200);
		problems.optionalText("publisher", body.publisher(), 200);
		problems.optionalText("description", body.description(), 2_000);
		problems.optionalText("edition", body.edition(), 40);
		List<Framework.Source> sources = body.sources() == null ? List.of() : body.sources();
		if (sources.size() > 20) {
			problems.add("sources", "at most 20 sources");
		}
		for (int i = 0; i < sources.size(); i++) {
			Framework.Source s = sources.get(i);
			if (s == null) {
				problems.add("sources[" + i + "]", "must not be null");
				continue;
			}
			problems.text("sources[" + i + "].title", s.title(), 1, 300);
			problems.optionalText("sources[" + i + "].edition", s.edition(), 200);
			problems.optionalText("sources[" + i + "].publisher", s.publisher(), 200);
			problems.optionalText("sources[" + i + "].covers", s.covers(), 500);
			if (s.url() != null && !TemplateRules.isWebUrl(s.url())) {
				problems.add("sources[" + i + "].url", "must be an absolute http(s) URL");
			}
		}
		if (!TemplateRules.isWebUrl(body.url())) {
			problems.add("url", "must be an absolute http(s) URL");
		}
		List<Framework.Entry> entries = body.entries() == null ? List.of() : body.entries();
		if (entries.isEmpty() || entries.size() > 500) {
			problems.add("entries", "needs 1 to 500 entries");
		}
		Set<String> codes = new HashSet<>();
		for (int i = 0; i < entries.size(); i++) {
			String path = "entries[" + i + "]";
			Framework.Entry e = entries.get(i);
			if (e == null) {
				problems.add(path, "must not be null");
				continue;
			}
			if (e.code() == null || !CODE.matcher(e.code()).matches()) {
				problems.add(path + ".code", "must be 1-40 letters, digits, dots or hyphens");
			}
			else if (!codes.add(e.code().toLowerCase())) {
				problems.add(path + ".code", "duplicates an earlier entry's code " + e.code());
			}
			problems.text(path + ".name", e.name(), 1, 200);
			if (e.kind() == null) {
				problems.add(path + ".kind", "is required: STANDARD, DOMAIN, COMPONENT, CLUSTER or INDICATOR");
			}
			if (e.alsoKnownAs().size() > 10) {
				problems.add(path + ".alsoKnownAs", "at most 10 other names");
			}
			for (int n = 0; n < e.alsoKnownAs().size(); n++) {
				problems.text(path + ".alsoKnownAs[" + n + "]", e.alsoKnownAs().get(n), 1, 200);
			}
			problems.optionalText(path + ".group", e.group(), 200);
			problems.optionalText(path + ".description", e.description(), 2_000);
			if (e.url() != null && !TemplateRules.isWebUrl(e.url())) {
				problems.add(path + ".url", "must be an absolute http(s) URL");
			}
		}
		return problems.list;
	}

}
