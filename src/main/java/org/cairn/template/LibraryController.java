package org.cairn.template;

import java.net.URI;
import java.util.List;

import org.cairn.account.CairnUser;
import org.cairn.account.Role;
import org.cairn.problem.ProblemException;
import reactor.core.publisher.Mono;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Browse the starter library and adopt an entry into the caller's district. */
@RestController
@RequestMapping("/api/v1/library")
class LibraryController {

	private final StarterLibrary library;

	private final TemplateRules rules;

	LibraryController(StarterLibrary library, TemplateRules rules) {
		this.library = library;
		this.rules = rules;
	}

	record LibraryItem(String key, String origin, String title, String summary, String artwork, Tags tags,
			List<Alignment> alignments, boolean proposalRequired, int tierCount, long totalStipendCents) {

		static LibraryItem of(LibraryEntry e) {
			TemplateContent t = e.template();
			return new LibraryItem(e.key(), e.origin(), t.title(), t.summary(), t.artwork(), t.tags(), t.alignments(),
					t.proposalRequired(), t.tiers().size(), t.totalStipendCents());
		}

	}

	record LibraryDetail(String key, String origin, TemplateContent template) {
	}

	@GetMapping
	List<LibraryItem> list(@AuthenticationPrincipal CairnUser user) {
		return library.all().stream().map(LibraryItem::of).toList();
	}

	@GetMapping("/{key}")
	LibraryDetail show(@AuthenticationPrincipal CairnUser user, @PathVariable String key) {
		return library.find(key)
			.map(e -> new LibraryDetail(e.key(), e.origin(), e.template()))
			.orElseThrow(() -> ProblemException.notFound("Library entry " + key));
	}

	@PostMapping("/{key}/adopt")
	Mono<ResponseEntity<TemplateView>> adopt(@AuthenticationPrincipal CairnUser user, @PathVariable String key,
			@RequestParam(defaultValue = "false") boolean copy) {
		user.require(Role.DISTRICT_ADMIN);
		return library.adopt(user.districtId(), key, copy).map(outcome -> {
			TemplateView view = TemplateView.of(outcome.template(), rules);
			return outcome.created() ? ResponseEntity.created(URI.create("/api/v1/templates/" + view.id())).body(view)
					: ResponseEntity.ok(view);
		});
	}

}
