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
