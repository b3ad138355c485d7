package org.cairn.template;

import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.cairn.account.CairnUser;
import org.cairn.account.Role;
import org.cairn.language.Language;
import org.cairn.paging.ListPage;
import org.cairn.problem.ProblemException.FieldProblem;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Template authoring for district administrators, always inside the caller's own district. */
@RestController
@RequestMapping("/api/v1/templates")
class TemplateController {

	private final Templates templates;

	private final TemplateRepository repository;

	private final TemplateRules rules;

	TemplateController(Templates templates, TemplateRepository repository, TemplateRules rules) {
		this.templates = templates;
		this.repository = repository;
		this.rules = rules;
	}

	@PostMapping
	Mono<ResponseEntity<TemplateView>> create(@AuthenticationPrincipal CairnUser user,
			@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
			@RequestBody TemplateContent content) {
		return templates.create(admin(user), content, idempotencyKey).map(this::respond);
	}

	@GetMapping
	Mono<List<TemplateView.Summary>> list(@AuthenticationPrincipal CairnUser user,
			@RequestParam(required = false) TemplateStatus status, @RequestParam(required = false) String familyId,
			@RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = ListPage.DEFAULT_SIZE) int size) {
		ListPage onePage = ListPage.of(page, size);
		return repository.findByDistrictId(admin(user))
			.filter(t -> status == null || t.status() == status)
			.filter(t -> familyId == null || t.familyId().equals(familyId))
			.map(TemplateView.Summary::of)
			.collectSortedList(Comparator.comparing((TemplateView.Summary s) -> s.title().toLowerCase())
				.thenComparing(TemplateView.Summary::familyId)
				.thenComparing(TemplateView.Summary::version))
			.map(onePage::of);
	}

	@GetMapping("/{id}")
	Mono<TemplateView> get(@AuthenticationPrincipal CairnUser user, @PathVariable String id) {
		return templates.own(admin(user), id).map(this::view);
	}

	@PutMapping("/{id}")
	Mono<TemplateView> update(@AuthenticationPrincipal CairnUser user, @PathVariable String id,
			@RequestBody TemplateContent content) {
		return templates.update(admin(user), id, content).map(this::view);
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	Mono<Void> delete(@AuthenticationPrincipal CairnUser user, @PathVariable String id) {
		return templates.deleteDraft(admin(user), id);
	}

	/** Checks content without storing it: 200 when it could be published, else one 422 listing every problem. */
	@PostMapping("/validate")
	Mono<Map<String, Object>> validateContent(@AuthenticationPrincipal CairnUser user,
			@RequestBody TemplateContent content) {
		admin(user);
		return valid(rules.check(content));
	}

	@PostMapping("/{id}/validate")
	Mono<Map<String, Object>> validate(@AuthenticationPrincipal CairnUser user, @PathVariable String id) {
		return templates.own(admin(user), id).flatMap(t -> valid(rules.check(TemplateContent.of(t))));
	}

	@PostMapping("/{id}/publish")
	Mono<TemplateView> publish(@AuthenticationPrincipal CairnUser user, @PathVariable String id) {
		return templates.publish(admin(user), id).map(this::view);
	}

	@PostMapping("/{id}/retire")
	Mono<TemplateView> retire(@AuthenticationPrincipal CairnUser user, @PathVariable String id) {
		return templates.retire(admin(user), id).map(this::view);
	}

	@PostMapping("/{id}/versions")
	Mono<ResponseEntity<TemplateView>> newVersion(@AuthenticationPrincipal CairnUser user, @PathVariable String id) {
		return templates.newVersion(admin(user), id).map(this::respond);
	}

	@GetMapping("/{id}/preview")
	Mono<Preview> preview(@AuthenticationPrincipal CairnUser user, @PathVariable String id,
			ServerHttpRequest request) {
		return templates.own(admin(user), id).map(t -> Preview.of(t, Language.of(request)));
	}

	/** The artwork as the PNG Open Badges images use, rendered off the event loop. */
	@GetMapping(value = "/{id}/artwork.png", produces = MediaType.IMAGE_PNG_VALUE)
	Mono<ResponseEntity<byte[]>> artworkPng(@AuthenticationPrincipal CairnUser user, @PathVariable String id,
			@RequestParam(defaultValue = "" + BadgePng.DEFAULT_SIZE) int size) {
		String districtId = admin(user);
		return Artworks.png(templates.own(districtId, id), size);
	}

	@GetMapping("/{id}/export")
	Mono<ResponseEntity<TemplateExport>> export(@AuthenticationPrincipal CairnUser user, @PathVariable String id) {
		return templates.own(admin(user), id)
			.map(t -> ResponseEntity.ok()
				.header(HttpHeaders.CONTENT_DISPOSITION,
						"attachment; filename=\"" + fileName(t.title()) + "-v" + t.version() + ".json\"")
				.body(TemplateExport.of(t)));
	}

	@PostMapping("/import")
	Mono<ResponseEntity<TemplateView>> importTemplate(@AuthenticationPrincipal CairnUser user,
			@RequestParam(defaultValue = "false") boolean copy, @RequestBody TemplateExport document) {
		return templates.importTemplate(admin(user), document, copy).map(this::respond);
	}

	private static String admin(CairnUser user) {
		user.require(Role.DISTRICT_ADMIN);
		return user.districtId();
	}

	private TemplateView view(Template t) {
		return TemplateView.of(t, rules);
	}

	private ResponseEntity<TemplateView> respond(Templates.Outcome outcome) {
		TemplateView view = view(outcome.template());
		return outcome.created()
				? ResponseEntity.created(URI.create("/api/v1/templates/" + view.id())).body(view)
				: ResponseEntity.ok(view);
	}

	private static Mono<Map<String, Object>> valid(List<FieldProblem> problems) {
		return problems.isEmpty() ? Mono.just(Map.of("valid", true)) : Mono.error(Templates.invalid(problems));
	}

	private static String fileName(String title) {
		String slug = title == null ? "" : title.toLowerCase().replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
		return slug.isEmpty() ? "template" : slug.substring(0, Math.min(60, slug.length()));
	}

}
