package org.cairn.practice;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

import org.cairn.evidence.EvidenceSharing;
import org.cairn.evidence.PublishedEvidence;
import org.cairn.problem.ProblemException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Serves a shared piece's bytes so that nothing in them runs: shown in the browser only for kinds a browser displays
 * without executing anything (pictures but not SVG, PDF, audio, video, plain text), downloaded otherwise; never
 * sniffed, sandboxed with no source allowed, and never kept in a cache, so a withdrawal takes effect at once.
 */
@Component
class PieceFiles {

	private static final Set<String> SHOWN = Set.of("image/png", "image/jpeg", "image/gif", "image/webp",
			"application/pdf", "text/plain", "video/mp4", "video/webm", "video/quicktime", "audio/mpeg", "audio/mp4",
			"audio/wav", "audio/ogg", "audio/webm");

	private final EvidenceSharing evidence;

	PieceFiles(EvidenceSharing evidence) {
		this.evidence = evidence;
	}

	Mono<ResponseEntity<Flux<DataBuffer>>> serve(PracticePiece piece) {
		return evidence.content(piece.districtId(), piece.evidenceId())
			.switchIfEmpty(Mono.error(() -> ProblemException.notFound("Content of practice piece " + piece.id())))
			.map(PieceFiles::respond);
	}

	static ResponseEntity<Flux<DataBuffer>> respond(PublishedEvidence.Content content) {
		MediaType type = mediaType(content.mediaType());
		boolean shown = SHOWN.contains(type.getType() + "/" + type.getSubtype());
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(type);
		headers.setContentLength(content.length());
		headers.setContentDisposition((shown ? ContentDisposition.inline() : ContentDisposition.attachment())
			.filename(content.filename() == null ? "piece" : content.filename(), StandardCharsets.UTF_8)
			.build());
		headers.set("X-Content-Type-Options", "nosniff");
		headers.set("Content-Security-Policy", "sandbox; default-src 'none'; img-src 'self'; media-src 'self'");
		headers.set("Cross-Origin-Resource-Policy", "same-origin");
		headers.setCacheControl("private, no-store");
		return ResponseEntity.ok().headers(headers).body(content.body());
	}

	private static MediaType mediaType(String value) {
		if (value == null) {
			return MediaType.APPLICATION_OCTET_STREAM;
		}
		try {
			MediaType type = MediaType.parseMediaType(value.toLowerCase(Locale.ROOT));
			return type.isConcrete() ? type : MediaType.APPLICATION_OCTET_STREAM;
		}
		catch (IllegalArgumentException ex) {
			return MediaType.APPLICATION_OCTET_STREAM;
		}
	}

}
