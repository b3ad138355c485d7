package org.cairn.template;

import java.time.Duration;

import org.cairn.problem.ProblemException;
import reactor.core.publisher.Mono;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Serves a template's artwork as PNG for the authoring and catalogue endpoints. */
final class Artworks {

	private Artworks() {
	}

	static Mono<ResponseEntity<byte[]>> png(Mono<Template> template, int size) {
		if (size < BadgePng.MIN_SIZE || size > BadgePng.MAX_SIZE) {
			return Mono.error(ProblemException.invalid("size",
					"must be from " + BadgePng.MIN_SIZE + " to " + BadgePng.MAX_SIZE + " pixels"));
		}
		// Not blocking: the render runs on boundedElastic and stops if this request is cancelled.
		return template.flatMap(t -> BadgePng.png(t.artwork(), size)
			.switchIfEmpty(Mono.error(() -> ProblemException.of(TemplateProblem.ARTWORK_UNRENDERABLE, "artwork-unrenderable", t.id())))
			// A version's artwork only changes while it is a draft; published ones may be cached a while.
			.map(png -> ResponseEntity.ok()
				.contentType(MediaType.IMAGE_PNG)
				.cacheControl(t.status() == TemplateStatus.DRAFT ? CacheControl.noStore()
						: CacheControl.maxAge(Duration.ofHours(1)).cachePrivate())
				.body(png)));
	}

}
