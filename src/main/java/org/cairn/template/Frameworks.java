package org.cairn.template;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.cairn.problem.ProblemException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * The frameworks templates align to. Built-in ones are data in the jar (the same on every instance, so holding
 * them in memory is safe); a district's own are stored and read per request.
 */
@Service
public class Frameworks {

	private final Map<String, Framework> builtIn;

	private final FrameworkRepository repository;

	private final Clock clock;

	Frameworks(JsonMapper json, FrameworkRepository repository, Clock clock) {
		this.repository = repository;
		this.clock = clock;
		this.builtIn = BadgeTemplateFiles.list("frameworks", "*.json")
			.stream()
			.map(resource -> json.readValue(BadgeTemplateFiles.read(resource), Framework.class))
			.collect(Collectors.toUnmodifiableMap(Framework::code, Function.identity()));
	}

	/** Built-in frameworks, by code. */
	public List<Framework> builtIn() {
		return builtIn.values().stream().sorted(Comparator.comparing(Framework::code)).toList();
	}

	public Optional<Framework> builtIn(String code) {
		return builtIn.values().stream().filter(f -> f.code().equalsIgnoreCase(code)).findFirst();
	}

	/** The built-in framework with this name (what alignments carry as {@code targetFramework}). */
	Optional<Framework> builtInNamed(String name) {
		return builtIn.values().stream().filter(f -> f.name().equals(name)).findFirst();
	}

	/** The Danielson clusters that draw on a component, e.g. {@code FFT.2a} is part of {@code FFT.C2}. */
	List<String> clustersDrawingOn(String componentCode) {
		return builtIn.values()
			.stream()
			.flatMap(f -> f.entries().stream())
			.filter(e -> e.kind() == Framework.Kind.CLUSTER
					&& e.components().stream().anyMatch(c -> c.equalsIgnoreCase(componentCode)))
			.map(Framework.Entry::code)
			.toList();
	}

	/** Danielson's six clusters (2013 edition), in order: what the practice library filters by. */
	public List<Framework.Entry> clusters() {
		return builtIn("FFT").map(f -> f.entries().stream().filter(e -> e.kind() == Framework.Kind.CLUSTER).toList())
			.orElse(List.of());
	}

	/**
	 * The Danielson clusters these alignments name or draw on, in cluster order: {@code FFT.C6} itself, and a
	 * component of either edition ({@code FFT.4e}, {@code FFT2022.4e}) counts toward the clusters built on it.
	 */
	public List<Framework.Entry> clustersOf(List<Alignment> alignments) {
		java.util.Set<String> codes = new java.util.HashSet<>();
		for (Alignment a : alignments) {
			String code = a.targetCode() == null ? "" : a.targetCode().trim().toUpperCase(java.util.Locale.ROOT);
			if (code.startsWith("FFT.C")) {
				codes.add(code);
			}
			else if (code.matches("FFT(2022)?\\..+")) {
				clustersDrawingOn("FFT." + code.substring(code.indexOf('.') + 1).toLowerCase(java.util.Locale.ROOT))
					.forEach(c -> codes.add(c.toUpperCase(java.util.Locale.ROOT)));
			}
		}
		return clusters().stream().filter(c -> codes.contains(c.code().toUpperCase(java.util.Locale.ROOT))).toList();
	}

	/** The standards of Learning Forward's 2011 and 2022 editions: what the practice library filters by. */
	public List<Framework.Entry> learningForwardStandards() {
		return java.util.stream.Stream.of("LF2011", "LF2022")
			.flatMap(code -> builtIn(code).stream())
			.flatMap(f -> f.entries().stream().filter(e -> e.kind() == Framework.Kind.STANDARD))
			.toList();
	}

	Flux<Framework> visibleTo(String districtId) {
		return Flux.fromIterable(builtIn()).concatWith(repository.findByDistrictIdOrderByCode(districtId));
	}

	Mono<Framework> find(String districtId, String code) {
		return Mono.justOrEmpty(builtIn(code))
			.switchIfEmpty(Mono.defer(() -> repository.findByDistrictIdAndCode(districtId, code)))
			.switchIfEmpty(Mono.error(() -> ProblemException.notFound("Framework " + code)));
	}

	/**
	 * Adds a district framework. Sending the same framework again returns the stored one (a retried request is one
	 * effect); a different framework under a code already taken is a conflict.
	 */
	Mono<Framework> add(String districtId, Framework submitted) {
		if (builtIn(submitted.code()).isPresent()) {
			return Mono.error(ProblemException.of(TemplateProblem.FRAMEWORK_EXISTS, "framework-exists", submitted.code()));
		}
		Framework fresh = new Framework(null, districtId, submitted.code(), submitted.name(), submitted.edition(),
				submitted.publisher(), submitted.url(), submitted.description(), submitted.sources(), null,
				submitted.entries(), clock.instant());
		return repository.save(fresh)
			.onErrorResume(DuplicateKeyException.class,
					ex -> repository.findByDistrictIdAndCode(districtId, submitted.code())
						.flatMap(existing -> sameContent(existing, fresh) ? Mono.just(existing)
								: Mono.error(ProblemException.of(TemplateProblem.FRAMEWORK_EXISTS, "framework-exists-2", submitted.code()))));
	}

	private static boolean sameContent(Framework a, Framework b) {
		return a.code().equals(b.code()) && a.name().equals(b.name()) && java.util.Objects.equals(a.url(), b.url())
				&& java.util.Objects.equals(a.publisher(), b.publisher())
				&& java.util.Objects.equals(a.description(), b.description())
				&& java.util.Objects.equals(a.edition(), b.edition()) && a.sources().equals(b.sources())
				&& a.entries().equals(b.entries());
	}

}
