package org.cairn.template;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.stereotype.Component;

/**
 * Brings the alignments stored in templates in line with the built-in framework data shipped in this jar, once per
 * version of that data. A template keeps every {@code targetCode} it had; what changes is the name, description and
 * URL the code stands for (e.g. FFT.4d is "Participating in a Professional Community", FFT.C2 "A Safe, Respectful,
 * …"), which the hosted BadgeClass and certificates repeat.
 *
 * <p>
 * Safe to run on several instances at once and to run again: the correction is a pure function of the stored
 * template and the data, each template is saved under its {@code @Version} (a concurrent save makes this one re-read
 * and recompute, which then finds nothing to do), and the "done" marker is one insert keyed by the data's digest.
 */
@Component
@Order(10)
class FrameworkCorrections implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(FrameworkCorrections.class);

	private final TemplateRepository templates;

	private final Frameworks frameworks;

	private final ReactiveMongoTemplate mongo;

	private final String dataDigest;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	FrameworkCorrections(TemplateRepository templates, Frameworks frameworks, ReactiveMongoTemplate mongo,
			JsonMapper json, Clock clock, ApplicationEventPublisher events) {
		this.events = events;
		this.templates = templates;
		this.frameworks = frameworks;
		this.mongo = mongo;
		this.clock = clock;
		this.dataDigest = digest(json.writeValueAsString(frameworks.builtIn()));
	}

	/** The marker that this version of the framework data has been applied to every stored template. */
	@Document("template_migrations")
	record Applied(@Id String id, Instant at, long corrected) {
	}

	@Override
	public void run(ApplicationArguments args) {
		// Start-up only, like FirstStart: blocking keeps the order obvious and the catalogue correct from the first
		// request. After the first run the marker makes it one lookup.
		Long corrected = applyOnce().block();
		if (corrected != null && corrected > 0) {
			log.info("Framework data {}: corrected the alignments of {} stored template version(s)", dataDigest,
					corrected);
		}
	}

	Mono<Long> applyOnce() {
		String id = "frameworks-" + dataDigest;
		return mongo.findById(id, Applied.class)
			.map(Applied::corrected)
			.switchIfEmpty(Mono.defer(() -> correctAll().flatMap(count -> mongo
				.insert(new Applied(id, clock.instant(), count))
				.map(Applied::corrected)
				.onErrorResume(DuplicateKeyException.class, ex -> Mono.just(count)))));
	}

	/** Corrects every stored template version; the number actually changed. */
	Mono<Long> correctAll() {
		return templates.findAll().map(Template::id).concatMap(this::correct).filter(Boolean::booleanValue).count();
	}

	private Mono<Boolean> correct(String templateId) {
		return templates.findById(templateId).flatMap(stored -> {
			List<Alignment> fixed = corrected(stored.alignments());
			if (fixed.equals(stored.alignments())) {
				return Mono.just(false);
			}
			return templates.save(withAlignments(stored, fixed))
				.doOnNext(saved -> events.publishEvent(new TemplatesChanged(saved.districtId())))
				.thenReturn(true);
		}).onErrorResume(OptimisticLockingFailureException.class, ex -> correct(templateId)).defaultIfEmpty(false);
	}

	/** Each alignment to a built-in framework's entry, carrying that entry's current name, description and URL. */
	List<Alignment> corrected(List<Alignment> alignments) {
		List<Alignment> out = new ArrayList<>(alignments.size());
		for (Alignment a : alignments) {
			out.add(current(a).orElse(a));
		}
		return out;
	}

	private Optional<Alignment> current(Alignment a) {
		if (a.targetCode() == null) {
			return Optional.empty();
		}
		// the code is kept exactly as stored (the entry lookup ignores case)
		return frameworks.builtIn()
			.stream()
			.filter(f -> a.targetFramework() == null || Objects.equals(a.targetFramework(), f.name()))
			.flatMap(f -> f.entry(a.targetCode()).map(f::alignmentTo).stream())
			.map(fresh -> new Alignment(fresh.targetName(), fresh.targetUrl(), fresh.targetDescription(),
					fresh.targetFramework(), a.targetCode()))
			.findFirst();
	}

	private static Template withAlignments(Template t, List<Alignment> alignments) {
		return new Template(t.id(), t.districtId(), t.familyId(), t.version(), t.status(), t.title(), t.summary(),
				t.criteria(), t.artwork(), t.tags(), alignments, t.validFor(), t.scale(), t.proposalRequired(),
				t.tiers(), t.libraryKey(), t.createdAt(), t.publishedAt(), t.revision(), t.renewal(), t.es());
	}

	private static String digest(String data) {
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256").digest(data.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(hash, 0, 8);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
