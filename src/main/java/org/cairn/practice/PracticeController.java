package org.cairn.practice;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.validation.constraints.NotNull;
import org.cairn.account.CairnUser;
import org.cairn.account.Role;
import org.cairn.evidence.EvidenceSharing;
import org.cairn.paging.ListPage;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The practice library for signed-in people: share, find, open, save; a district administrator opens it wider. */
@RestController
@RequestMapping("/api/v1/practice")
class PracticeController {

	private final PracticeLibrary library;

	private final EvidenceSharing evidence;

	private final PieceFiles files;

	PracticeController(PracticeLibrary library, EvidenceSharing evidence, PieceFiles files) {
		this.library = library;
		this.evidence = evidence;
		this.files = files;
	}

	/** A piece of the caller's evidence that may be shared, and how it is shared now (null: not shared). */
	record ShareableView(EvidenceSharing.Shareable evidence, PieceView shared) {
	}

	@GetMapping("/shareable")
	Mono<List<ShareableView>> shareable(@AuthenticationPrincipal CairnUser user) {
		return evidence.shareable(user).collectList().flatMap(pieces -> library
			.sharedOf(user, pieces.stream().map(EvidenceSharing.Shareable::id).toList())
			.collectMap(PracticePiece::evidenceId, Function.identity())
			.map(shared -> pieces.stream()
				.map(p -> new ShareableView(p, shared.containsKey(p.id())
						? PieceView.of(shared.get(p.id()), user.personId(), user.districtId(), false) : null))
				.toList()));
	}

	/** Shares a piece of the caller's evidence, or changes how; the same request again changes nothing. */
	@PutMapping("/shares/{evidenceId}")
	Mono<PieceView> share(@AuthenticationPrincipal CairnUser user, @PathVariable String evidenceId,
			@RequestBody PracticeLibrary.Share body) {
		return library.share(user, evidenceId, body)
			.map(p -> PieceView.of(p, user.personId(), user.districtId(), false));
	}

	/** Takes a piece out of the library everywhere; nothing shared, nothing to do. */
	@DeleteMapping("/shares/{evidenceId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	Mono<Void> withdraw(@AuthenticationPrincipal CairnUser user, @PathVariable String evidenceId) {
		return library.withdraw(user, evidenceId);
	}

	/** Pieces of the district, and of other districts opened to Cairn, newest first; every filter must match. */
	@GetMapping("/pieces")
	Mono<List<PieceView>> search(@AuthenticationPrincipal CairnUser user,
			@RequestParam(required = false) String standard, @RequestParam(required = false) String cluster,
			@RequestParam(required = false) String grade, @RequestParam(required = false) String subject,
			@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size) {
		ListPage paging = ListPage.of(page, size);
		return views(user, library.search(PracticeLibrary.scopesOf(user), user.districtId(),
				PracticeKeys.query(standard, cluster, grade, subject, q), paging));
	}

	@GetMapping("/pieces/{id}")
	Mono<PieceView> piece(@AuthenticationPrincipal CairnUser user, @PathVariable String id) {
		return views(user, library.visible(user, id).flux()).map(list -> list.get(0));
	}

	@GetMapping("/pieces/{id}/content")
	Mono<ResponseEntity<Flux<DataBuffer>>> content(@AuthenticationPrincipal CairnUser user, @PathVariable String id) {
		return library.visible(user, id).flatMap(files::serve);
	}

	@PutMapping("/saved/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	Mono<Void> save(@AuthenticationPrincipal CairnUser user, @PathVariable String id) {
		return library.save(user, id);
	}

	@DeleteMapping("/saved/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	Mono<Void> unsave(@AuthenticationPrincipal CairnUser user, @PathVariable String id) {
		return library.unsave(user, id);
	}

	@GetMapping("/saved")
	Mono<List<PieceView>> saved(@AuthenticationPrincipal CairnUser user, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size) {
		return views(user, library.saved(user, ListPage.of(page, size)));
	}

	/** What the filters offer: clusters and standards by code and name, grade bands, subjects. */
	@GetMapping("/facets")
	Map<String, Object> facets() {
		return library.facets();
	}

	record Settings(@NotNull Audience openTo) {
	}

	@GetMapping("/settings")
	Mono<Settings> settings(@AuthenticationPrincipal CairnUser user) {
		return library.openTo(user.districtId()).map(Settings::new);
	}

	/** How far the district opens its library (administrators); pieces are re-filed at once. */
	@PutMapping("/settings")
	Mono<Settings> open(@AuthenticationPrincipal CairnUser user, @Validated @RequestBody Settings body) {
		user.require(Role.DISTRICT_ADMIN);
		return library.open(user.districtId(), body.openTo()).map(Settings::new);
	}

	private Mono<List<PieceView>> views(CairnUser user, Flux<PracticePiece> pieces) {
		return pieces.collectList().flatMap(list -> library
			.savedAmong(user, list.stream().map(PracticePiece::id).toList())
			.map(saved -> list.stream()
				.map(p -> PieceView.of(p, user.personId(), user.districtId(), saved.contains(p.id())))
				.collect(Collectors.toList())));
	}

}
