package org.cairn.template;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import org.cairn.problem.ProblemException;
import org.cairn.problem.ProblemException.FieldProblem;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;

/**
 * Authoring: the lifecycle of template versions (draft, published, retired) inside one district.
 * <p>
 * Retries are safe without any lock: a new microcredential's {@code familyId} is derived from what makes the
 * request unique (an idempotency key, a library key, the imported content), so the unique index on
 * (familyId, version) turns a double submission into one template; version changes use optimistic locking.
 */
@Service
public class Templates {

	private final TemplateRepository templates;

	private final TemplateRules rules;

	private final JsonMapper json;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	Templates(TemplateRepository templates, TemplateRules rules, JsonMapper json, Clock clock,
			ApplicationEventPublisher events) {
		this.events = events;
		this.templates = templates;
		this.rules = rules;
		this.json = json;
		this.clock = clock;
	}

	/** Every change of a template goes through here, so the reports hear of it. */
	private Mono<Template> save(Template template) {
		return templates.save(template).doOnNext(this::announce);
	}

	private void announce(Template changed) {
		events.publishEvent(new TemplatesChanged(changed.districtId()));
	}

	/** A template and whether this call created it (201) or found it from an earlier identical call (200). */
	public record Outcome(Template template, boolean created) {
	}

	Mono<Template> own(String districtId, String id) {
		return templates.findByIdAndDistrictId(id, districtId)
			.switchIfEmpty(Mono.error(() -> ProblemException.notFound("Template " + id)));
	}

	/**
	 * Creates a draft (the demo authors with it too). With an idempotency key, a retry or a restart finds the same
	 * draft instead of making another.
	 */
	public Mono<Outcome> create(String districtId, TemplateContent content, String idempotencyKey) {
		String family = idempotencyKey == null ? UUID.randomUUID().toString()
				: derivedFamily(districtId, "create", idempotencyKey);
		return firstVersion(districtId, family, content, null);
	}

	Mono<Outcome> adopt(String districtId, String libraryKey, TemplateContent content, boolean anotherCopy) {
		String family = anotherCopy ? UUID.randomUUID().toString() : derivedFamily(districtId, "library", libraryKey);
		return firstVersion(districtId, family, content, libraryKey);
	}

	/** Imports an exported template as a draft; every problem is reported at once and nothing is stored. */
	Mono<Outcome> importTemplate(String districtId, TemplateExport document, boolean anotherCopy) {
		List<FieldProblem> problems = check(document);
		if (!problems.isEmpty()) {
			return Mono.error(invalid(problems));
		}
		String family = anotherCopy ? UUID.randomUUID().toString()
				: derivedFamily(districtId, "import", json.writeValueAsString(document));
		return firstVersion(districtId, family, document.template(), document.libraryKey());
	}

	List<FieldProblem> check(TemplateExport document) {
		if (document.template() == null) {
			return List.of(FieldProblem.of("template", "template.problem.required"));
		}
		List<FieldProblem> problems = new java.util.ArrayList<>();
		if (!TemplateExport.FORMAT.equals(document.format())) {
			problems.add(FieldProblem.of("format", "template.problem.must-be", TemplateExport.FORMAT));
		}
		if (document.libraryKey() != null && !document.libraryKey().matches("[a-z0-9][a-z0-9-]{0,59}")) {
			problems.add(FieldProblem.of("libraryKey", "template.problem.library-key"));
		}
		rules.check(document.template())
			.forEach(p -> problems.add(p.under("template.")));
		return problems;
	}

	/** Full replace of a draft. Sending the same content twice changes nothing the second time. */
	Mono<Template> update(String districtId, String id, TemplateContent submitted) {
		TemplateContent content = retitled(submitted);
		return own(districtId, id).flatMap(current -> {
			if (current.status() != TemplateStatus.DRAFT) {
				return Mono.error(notDraft(current));
			}
			if (TemplateContent.of(current).equals(content)) {
				return Mono.just(current);
			}
			return save(withContent(current, content))
				.onErrorMap(OptimisticLockingFailureException.class,
						ex -> ProblemException.of(TemplateProblem.EDIT_CONFLICT, "edit-conflict"));
		});
	}

	Mono<Void> deleteDraft(String districtId, String id) {
		return own(districtId, id).flatMap(current -> current.status() == TemplateStatus.DRAFT
				? templates.delete(current).doOnSuccess(v -> announce(current)) : Mono.error(notDraft(current)));
	}

	/** Freezes a valid draft. Publishing a published version again returns it unchanged. */
	public Mono<Template> publish(String districtId, String id) {
		return own(districtId, id).flatMap(current -> switch (current.status()) {
			case PUBLISHED -> Mono.just(current);
			case RETIRED -> Mono.error(ProblemException.of(TemplateProblem.TEMPLATE_RETIRED, "template-retired"));
			case DRAFT -> {
				List<FieldProblem> problems = rules.check(TemplateContent.of(current));
				if (!problems.isEmpty()) {
					yield Mono.error(invalid(problems));
				}
				yield save(withStatus(current, TemplateStatus.PUBLISHED))
					.onErrorResume(OptimisticLockingFailureException.class, ex -> own(districtId, id)
						.filter(t -> t.status() == TemplateStatus.PUBLISHED)
						.switchIfEmpty(Mono.error(() -> ProblemException.of(TemplateProblem.EDIT_CONFLICT, "edit-conflict-2"))));
			}
		});
	}

	/** Takes a published version out of the catalogue; badges and enrolments under it are untouched. */
	Mono<Template> retire(String districtId, String id) {
		return own(districtId, id).flatMap(current -> switch (current.status()) {
			case RETIRED -> Mono.just(current);
			case DRAFT -> Mono.error(ProblemException.of(TemplateProblem.TEMPLATE_NOT_PUBLISHED, "template-not-published-3"));
			case PUBLISHED -> save(withStatus(current, TemplateStatus.RETIRED))
				.onErrorResume(OptimisticLockingFailureException.class, ex -> own(districtId, id));
		});
	}

	/**
	 * Starts the next version of a published microcredential as a draft copy. The published version is not
	 * touched. If the family already has a draft, that draft is returned: there is only ever one next version.
	 */
	Mono<Outcome> newVersion(String districtId, String id) {
		return own(districtId, id).flatMap(source -> {
			if (source.status() == TemplateStatus.DRAFT) {
				return Mono.error(ProblemException.of(TemplateProblem.TEMPLATE_NOT_PUBLISHED, "template-not-published-4"));
			}
			return templates.findByDistrictIdAndFamilyIdOrderByVersionDesc(districtId, source.familyId())
				.next()
				.flatMap(latest -> {
					if (latest.status() == TemplateStatus.DRAFT) {
						return Mono.just(new Outcome(latest, false));
					}
					Template next = new Template(null, districtId, source.familyId(), latest.version() + 1,
							TemplateStatus.DRAFT, source.title(), source.summary(), source.criteria(),
							source.artwork(), source.tags(), source.alignments(), source.validFor(), source.scale(),
							source.proposalRequired(), source.tiers(), source.libraryKey(), clock.instant(), null,
							null, source.renewal(), source.es());
					return save(next)
						.map(saved -> new Outcome(saved, true))
						.onErrorResume(DuplicateKeyException.class,
								ex -> templates
									.findByDistrictIdAndFamilyIdAndVersion(districtId, source.familyId(),
											next.version())
									.map(existing -> new Outcome(existing, false)));
				});
		});
	}

	/**
	 * Artwork carrying a title banner (library artwork) shows the content's title, also after it is edited. SVG
	 * artwork with anything dangerous or too costly in it is refused before anything is stored, even in a draft.
	 */
	private static TemplateContent retitled(TemplateContent content) {
		Artwork.refused(content.artwork()).ifPresent(message -> {
			throw invalid(List.of(new FieldProblem("artwork", message)));
		});
		String artwork = Artwork.retitled(content.artwork(), content.title());
		return artwork == null || artwork.equals(content.artwork()) ? content : content.withArtwork(artwork);
	}

	private Mono<Outcome> firstVersion(String districtId, String family, TemplateContent submitted,
			String libraryKey) {
		TemplateContent content = retitled(submitted);
		Template draft = new Template(null, districtId, family, 1, TemplateStatus.DRAFT, content.title(),
				content.summary(), content.criteria(), content.artwork(), content.tags(), content.alignments(),
				content.validFor(), content.scale(), content.proposalRequired(), content.tiers(), libraryKey,
				clock.instant(), null, null, content.renewal(), content.es());
		return save(draft)
			.map(saved -> new Outcome(saved, true))
			.onErrorResume(DuplicateKeyException.class,
					ex -> templates.findByDistrictIdAndFamilyIdOrderByVersionDesc(districtId, family)
						.next()
						.map(existing -> new Outcome(existing, false)));
	}

	private Template withContent(Template t, TemplateContent c) {
		return new Template(t.id(), t.districtId(), t.familyId(), t.version(), t.status(), c.title(), c.summary(),
				c.criteria(), c.artwork(), c.tags(), c.alignments(), c.validFor(), c.scale(), c.proposalRequired(),
				c.tiers(), t.libraryKey(), t.createdAt(), t.publishedAt(), t.revision(), c.renewal(), c.es());
	}

	private Template withStatus(Template t, TemplateStatus status) {
		return new Template(t.id(), t.districtId(), t.familyId(), t.version(), status, t.title(), t.summary(),
				t.criteria(), t.artwork(), t.tags(), t.alignments(), t.validFor(), t.scale(), t.proposalRequired(),
				t.tiers(), t.libraryKey(), t.createdAt(),
				status == TemplateStatus.PUBLISHED ? clock.instant() : t.publishedAt(), t.revision(), t.renewal(),
				t.es());
	}

	static ProblemException invalid(List<FieldProblem> problems) {
		// in the caller's language, the list too (each problem's catalogue text)
		return (problems.size() == 1
				? ProblemException.of(TemplateProblem.TEMPLATE_INVALID, "template-invalid-one",
						problems.get(0).field(), problems.get(0).message())
				: ProblemException.of(TemplateProblem.TEMPLATE_INVALID, "template-invalid", problems.size()))
			.with("errors", List.copyOf(problems));
	}

	private static ProblemException notDraft(Template t) {
		return ProblemException.of(TemplateProblem.TEMPLATE_NOT_DRAFT, "template-not-draft", t.version(), t.status().name().toLowerCase());
	}

	private static String derivedFamily(String districtId, String purpose, String value) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest((districtId + "\n" + purpose + "\n" + value).getBytes(StandardCharsets.UTF_8));
			return purpose + "-" + HexFormat.of().formatHex(digest, 0, 16);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
