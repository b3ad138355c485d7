package org.cairn.template;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BinaryOperator;
import java.util.stream.Collectors;

import org.cairn.account.CairnUser;
import org.cairn.language.Language;
import org.cairn.paging.ListPage;
import org.cairn.problem.ProblemException;
import reactor.core.publisher.Mono;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What teachers browse: the district's published microcredentials, the latest published version of each, with
 * what each takes and what it pays.
 */
@RestController
@RequestMapping("/api/v1/catalogue")
class CatalogueController {

	private static final List<TemplateStatus> LISTED = List.of(TemplateStatus.PUBLISHED, TemplateStatus.RETIRED);

	private final TemplateRepository templates;

	private final Frameworks frameworks;

	CatalogueController(TemplateRepository templates, Frameworks frameworks) {
		this.templates = templates;
		this.frameworks = frameworks;
	}

	/**
	 * Filters, all optional and combined with AND.
	 *
	 * @param standard an alignment code ({@code LF2011.DATA}) or name ({@code Data})
	 * @param framework a framework name or code ({@code FFT})
	 * @param cluster a Danielson cluster: {@code 2}, {@code C2}, {@code FFT.C2} or its name
	 * @param component a Danielson component such as {@code 2a}; also matches templates aligned to a cluster that
	 * draws on it
	 * @param tiers the exact number of tiers
	 * @param stipendMin total stipend in cents, at least
	 * @param q words that must all appear in the title or summary
	 */
	record Filters(String standard, String framework, String cluster, String component, String subject,
			String gradeBand, Integer tiers, Long stipendMin, Long stipendMax, String q) {
	}

	@GetMapping
	Mono<List<CatalogueItem>> browse(@AuthenticationPrincipal CairnUser user, Filters filters,
			@RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = ListPage.DEFAULT_SIZE) int size, ServerHttpRequest request) {
		ListPage onePage = ListPage.of(page, size);
		Language language = Language.of(request);
		if (filters.q() != null && filters.q().length() > 200) {
			return Mono.error(ProblemException.invalid("q", "must be at most 200 characters"));
		}
		return frameworkName(user.districtId(), filters.framework())
			.flatMap(frameworkName -> latestPublished(user.districtId()).map(list -> list.stream()
				.filter(t -> matches(t, filters, frameworkName))
				.map(t -> t.in(language))
				.sorted(Comparator.comparing((Template t) -> t.title().toLowerCase(Locale.ROOT))
					.thenComparing(Template::familyId))
				.map(t -> CatalogueItem.of(t, language))
				.toList())
			.map(onePage::of));
	}

	/**
	 * What the catalogue's filters offer (every standard, Danielson cluster, subject and grade band of the published
	 * microcredentials), how many there are and how many the filters match: the list itself comes a page at a time.
	 */
	record Facets(long total, long matching, List<String> standards, List<String> clusters, List<String> subjects,
			List<String> gradeBands) {
	}

	@GetMapping("/facets")
	Mono<Facets> facets(@AuthenticationPrincipal CairnUser user, Filters filters) {
		if (filters.q() != null && filters.q().length() > 200) {
			return Mono.error(ProblemException.invalid("q", "must be at most 200 characters"));
		}
		return frameworkName(user.districtId(), filters.framework())
			.flatMap(frameworkName -> latestPublished(user.districtId()).map(all -> {
				java.util.function.Function<java.util.stream.Stream<String>, List<String>> sorted = names -> names
					.filter(n -> n != null && !n.isBlank())
					.distinct()
					.sorted()
					.toList();
				return new Facets(all.size(), all.stream().filter(t -> matches(t, filters, frameworkName)).count(),
						sorted.apply(all.stream()
							.flatMap(t -> t.alignments().stream())
							.filter(a -> !isClusterCode(a))
							.map(Alignment::targetName)),
						sorted.apply(all.stream()
							.flatMap(t -> t.alignments().stream())
							.filter(CatalogueController::isClusterCode)
							.map(Alignment::targetName)),
						sorted.apply(all.stream().flatMap(t -> t.tags().subjects().stream())),
						sorted.apply(all.stream().flatMap(t -> t.tags().gradeBands().stream())));
			}));
	}

	private static boolean isClusterCode(Alignment a) {
		return a.targetCode() != null && a.targetCode().startsWith("FFT.C");
	}

	/**
	 * The name alignments carry for a framework filter given as a code (a built-in one or the district's own);
	 * the filter itself when no framework has that code, so filtering by name works too.
	 */
	private Mono<String> frameworkName(String districtId, String framework) {
		if (framework == null) {
			return Mono.just("");
		}
		return frameworks.find(districtId, framework)
			.map(Framework::name)
			.onErrorResume(ProblemException.class, ex -> Mono.just(framework));
	}

	/** One catalogue entry in full, as {@code /templates/{id}/preview} shows it to its author. */
	@GetMapping("/{id}")
	Mono<Preview> show(@AuthenticationPrincipal CairnUser user, @PathVariable String id, ServerHttpRequest request) {
		return templates.findByIdAndDistrictId(id, user.districtId())
			.filter(t -> t.status() != TemplateStatus.DRAFT)
			.switchIfEmpty(Mono.error(() -> ProblemException.notFound("Template " + id)))
			.map(t -> Preview.of(t, Language.of(request)));
	}

	/** A catalogue entry's badge image as PNG. */
	@GetMapping(value = "/{id}/artwork.png", produces = MediaType.IMAGE_PNG_VALUE)
	Mono<ResponseEntity<byte[]>> artworkPng(@AuthenticationPrincipal CairnUser user, @PathVariable String id,
			@RequestParam(defaultValue = "" + BadgePng.DEFAULT_SIZE) int size) {
		return Artworks.png(templates.findByIdAndDistrictId(id, user.districtId())
			.filter(t -> t.status() != TemplateStatus.DRAFT)
			.switchIfEmpty(Mono.error(() -> ProblemException.notFound("Template " + id))), size);
	}

	/** The newest non-draft version of each family, kept only while it is published (not retired). */
	private Mono<List<Template>> latestPublished(String districtId) {
		BinaryOperator<Template> newer = (a, b) -> a.version() >= b.version() ? a : b;
		return templates.findByDistrictIdAndStatusIn(districtId, LISTED)
			.collect(Collectors.toMap(Template::familyId, t -> t, newer))
			.map(Map::values)
			.map(latest -> latest.stream().filter(t -> t.status() == TemplateStatus.PUBLISHED).toList());
	}

	private boolean matches(Template t, Filters f, String frameworkName) {
		return (f.standard() == null || t.alignments().stream().anyMatch(a -> same(a.targetCode(), f.standard())
				|| same(a.targetName(), f.standard())))
				&& (f.framework() == null || t.alignments().stream().anyMatch(a -> same(a.targetFramework(),
						f.framework()) || same(a.targetFramework(), frameworkName)))
				&& (f.cluster() == null || t.alignments().stream().anyMatch(a -> isCluster(a, f.cluster())))
				&& (f.component() == null || matchesComponent(t, f.component()))
				&& (f.subject() == null || t.tags().subjects().stream().anyMatch(s -> same(s, f.subject())))
				&& (f.gradeBand() == null || t.tags().gradeBands().stream().anyMatch(g -> same(g, f.gradeBand())))
				&& (f.tiers() == null || t.tiers().size() == f.tiers())
				&& (f.stipendMin() == null || t.totalStipendCents() >= f.stipendMin())
				&& (f.stipendMax() == null || t.totalStipendCents() <= f.stipendMax())
				&& (f.q() == null || containsAllWords(t, f.q()));
	}

	private static boolean isCluster(Alignment a, String wanted) {
		String code = a.targetCode();
		if (code == null || !code.toUpperCase(Locale.ROOT).startsWith("FFT.C")) {
			return false;
		}
		String w = wanted.trim();
		String normalised = w.matches("\\d+") ? "FFT.C" + w
				: w.toUpperCase(Locale.ROOT).matches("C\\d+") ? "FFT." + w : w;
		return same(code, normalised) || same(a.targetName(), w);
	}

	/**
	 * A component code means the same place in the 2013 (FFT) and 2022 (FFT2022) editions: {@code 2a} matches
	 * templates aligned to either edition's 2a, or to a cluster drawing on it.
	 */
	private boolean matchesComponent(Template t, String component) {
		String bare = component.trim().replaceFirst("(?i)^FFT(2022)?\\.", "");
		String code = "FFT." + bare;
		List<String> codes = new ArrayList<>(frameworks.clustersDrawingOn(code));
		codes.add(code);
		codes.add("FFT2022." + bare);
		return t.alignments().stream().anyMatch(a -> codes.stream().anyMatch(c -> same(a.targetCode(), c)));
	}

	private static boolean containsAllWords(Template t, String q) {
		// a word of the Spanish wording finds the template too, whichever language the reader browses in
		String text = (t.title() + " " + t.summary() + (t.es() == null ? ""
				: " " + t.es().title() + " " + t.es().summary())).toLowerCase(Locale.ROOT);
		for (String word : q.toLowerCase(Locale.ROOT).split("\\s+")) {
			if (!word.isBlank() && !text.contains(word)) {
				return false;
			}
		}
		return true;
	}

	private static boolean same(String a, String b) {
		return a != null && b != null && a.trim().equalsIgnoreCase(b.trim());
	}

	record CatalogueItem(String id, String familyId, int version, String title, String summary, String artwork,
			Tags tags, List<Alignment> alignments, boolean proposalRequired, int tierCount, long totalStipendCents,
			List<TierSummary> tiers) {

		/** {@code t} already in the reader's language ({@link Template#in}). */
		static CatalogueItem of(Template t, Language l) {
			List<TierSummary> tiers = new ArrayList<>();
			long running = 0;
			for (Tier tier : t.tiers()) {
				running += tier.stipendCents();
				tiers.add(new TierSummary(tier.key(), tier.title(), tier.awardedSeparately(), tier.stipendCents(),
						running, tier.requirements().stream().map(r -> Preview.asks(r, l)).toList(), tier.pay()));
			}
			return new CatalogueItem(t.id(), t.familyId(), t.version(), t.title(), t.summary(), Artwork.served(t.artwork()), t.tags(),
					t.alignments(), t.proposalRequired(), t.tiers().size(), t.totalStipendCents(), tiers);
		}

	}

	/** @param pay what passing the tier pays (a stipend, a salary increase, release time, course credit) */
	record TierSummary(String key, String title, boolean awardedSeparately, long stipendCents, long runningTotalCents,
			List<String> requirements, Pay pay) {
	}

}
