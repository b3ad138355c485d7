package org.cairn.evidence;

import java.util.List;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;

/**
 * The evidence a teacher published with a badge, as issuing may show it to anyone. Only pieces the teacher marked
 * public (and did not withdraw) are ever answered; everything else is empty, so issuing never sees private student
 * work and never reads evidence storage itself.
 */
public interface PublishedEvidence {

	/**
	 * The published pieces among {@code ids} of the district, in the order given; ids that are not (or no longer)
	 * published are left out.
	 */
	Flux<Piece> pieces(String districtId, List<String> ids);

	/** The bytes of a published piece (a file's bytes, a reflection's text, a link's URL); empty otherwise. */
	Mono<Content> content(String districtId, String evidenceId);

	/**
	 * One published piece.
	 *
	 * @param kind {@code REFLECTION}, {@code LINK} or the file's artifact kind ({@code IMAGE}, {@code PDF}, ...)
	 * @param name the file name, the link URL or {@code reflection}
	 * @param text the reflection's text; null for files and links
	 * @param url the link; null otherwise
	 * @param mediaType the file's content type; null for reflections and links
	 * @param sizeBytes the file's size; null for reflections and links
	 */
	record Piece(String id, String tierKey, String requirementKey, String kind, String name, String text, String url,
			String mediaType, Long sizeBytes) {
	}

	/**
	 * What to send: the content type, the file name for {@code Content-Disposition}, the length, the bytes, and a
	 * version that changes whenever the bytes do (for the public URL's ETag).
	 */
	record Content(String mediaType, String filename, long length, String version, Flux<DataBuffer> body) {
	}

}
