package org.cairn.practice;

import java.util.List;

import org.cairn.paging.ListPage;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public practice library, without signing in: only pieces their teacher shared publicly, from districts that
 * opened their library to the public. Read per request, so a withdrawal or a closed library shows at once.
 */
@RestController
@RequestMapping("/api/v1/public/practice")
class PublicPracticeController {

	private static final List<String> SCOPES = List.of(PracticeKeys.PUBLIC);

	private final PracticeLibrary library;

	private final PieceFiles files;

	PublicPracticeController(PracticeLibrary library, PieceFiles files) {
		this.library = library;
		this.files = files;
	}

	@GetMapping("/pieces")
	Mono<List<PieceView>> search(@RequestParam(required = false) String standard,
			@RequestParam(required = false) String cluster, @RequestParam(required = false) String grade,
			@RequestParam(required = false) String subject, @RequestParam(required = false) String q,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		return library
			.search(SCOPES, null, PracticeKeys.query(standard, cluster, grade, subject, q), ListPage.of(page, size))
			.map(PieceView::publicly)
			.collectList();
	}

	@GetMapping("/pieces/{id}")
	Mono<PieceView> piece(@PathVariable String id) {
		return library.publicPiece(id).map(PieceView::publicly);
	}

	@GetMapping("/pieces/{id}/content")
	Mono<ResponseEntity<Flux<DataBuffer>>> content(@PathVariable String id) {
		return library.publicPiece(id).flatMap(files::serve);
	}

	@GetMapping("/facets")
	java.util.Map<String, Object> facets() {
		return library.facets();
	}

}
