package org.cairn.verification;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.cairn.account.CairnUser;
import org.cairn.language.Language;
import org.cairn.problem.CommonProblem;
import org.cairn.problem.ProblemException;
import org.cairn.system.AcceptHeader;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;


import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.http.codec.multipart.FormFieldPart;
import org.springframework.http.codec.multipart.Part;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/**
 * {@code POST /api/v1/verifications}: public, no sign-in, rate-limited per client ({@link VerificationGate}).
 * JSON ({@code {"url"|"assertion"|"jws": ..., "recipient": ...}}), a multipart {@code file} (baked PNG or SVG, PDF
 * certificate) or the file itself as the body. The answer is a {@link Report}; an HTML page when the client prefers
 * {@code text/html} (a plain form post from a browser).
 */
@RestController
class VerificationController {

	private final Verifier verifier;

	private final TrustedIssuerRepository trusted;

	private final VerificationProperties properties;

	private final JsonRequests json;

	VerificationController(Verifier verifier, TrustedIssuerRepository trusted, VerificationProperties properties,
			JsonMapper json) {
		this.verifier = verifier;
		this.trusted = trusted;
		this.properties = properties;
		this.json = new JsonRequests(json);
	}

	@PostMapping(path = VerificationGate.PATH, consumes = { MediaType.APPLICATION_JSON_VALUE, "application/ld+json" })
	Mono<ResponseEntity<?>> fromJson(ServerWebExchange exchange, @AuthenticationPrincipal CairnUser user,
			@RequestParam(required = false) String district) {
		return bytes(exchange.getRequest().getBody(), JsonRequests.MAX_JSON).map(json::read)
			.flatMap(request -> answer(request, exchange, user, district));
	}

	@PostMapping(path = VerificationGate.PATH, consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	Mono<ResponseEntity<?>> fromUpload(ServerWebExchange exchange, @AuthenticationPrincipal CairnUser user,
			@RequestParam(required = false) String district) {
		return exchange.getMultipartData().onErrorMap(ex -> unreadable(uploadFailure(ex),
				"The upload is not a complete multipart form: send the badge as the part \"file\".")).flatMap(parts -> {
			Part file = parts.getFirst("file");
			if (!(file instanceof FilePart filePart)) {
				return Mono.error(ProblemException.of(VerificationProblem.VERIFICATION_INPUT, "verification-input"));
			}
			String recipient = parts.getFirst("recipient") instanceof FormFieldPart field ? field.value() : null;
			return bytes(filePart.content(), properties.uploadLimit())
				.onErrorMap(ex -> unreadable(ex, "The uploaded file was cut off before its end."))
				.map(bytes -> VerificationRequest.file(bytes, JsonRequests.recipient(recipient)));
		}).flatMap(request -> answer(request, exchange, user, district));
	}

	@PostMapping(path = VerificationGate.PATH,
			consumes = { MediaType.IMAGE_PNG_VALUE, "image/svg+xml", MediaType.APPLICATION_PDF_VALUE,
					MediaType.APPLICATION_OCTET_STREAM_VALUE })
	Mono<ResponseEntity<?>> fromFile(ServerWebExchange exchange, @AuthenticationPrincipal CairnUser user,
			@RequestParam(required = false) String district, @RequestParam(required = false) String recipient) {
		return bytes(exchange.getRequest().getBody(), properties.uploadLimit())
			.map(bytes -> VerificationRequest.file(bytes, JsonRequests.recipient(recipient)))
			.flatMap(request -> answer(request, exchange, user, district));
	}

	/** A plain HTML form (no script needed): url, jws or assertion, and recipient. */
	@PostMapping(path = VerificationGate.PATH, consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
	Mono<ResponseEntity<?>> fromForm(ServerWebExchange exchange, @AuthenticationPrincipal CairnUser user,
			@RequestParam(required = false) String district) {
		return exchange.getFormData().onErrorMap(ex -> unreadable(ex,
				"The form could not be read: a value is not correctly percent-encoded.")).flatMap(form -> {
			String recipient = JsonRequests.recipient(form.getFirst("recipient"));
			VerificationRequest request = present(form.getFirst("url"))
					? VerificationRequest.url(form.getFirst("url"), recipient)
					: present(form.getFirst("jws")) ? VerificationRequest.jws(form.getFirst("jws"), recipient)
							: present(form.getFirst("assertion"))
									? VerificationRequest.assertion(form.getFirst("assertion"), recipient) : null;
			if (request == null) {
				return Mono.error(JsonRequests.nothing());
			}
			return answer(request, exchange, user, district);
		});
	}

	private Mono<ResponseEntity<?>> answer(VerificationRequest request, ServerWebExchange exchange, CairnUser user,
			String district) {
		String districtId = user != null && user.districtId() != null ? user.districtId()
				: (district == null || district.isBlank() || district.length() > 100 ? null : district);
		// the sentences in the reader's language: ?lang=, else Accept-Language (the web app sends the person's)
		Language language = Language.of(exchange.getRequest());
		return verifier.verified(request).flatMap(verified -> {
			List<MediaType> accept = exchange.getRequest().getHeaders().getAccept();
			byte[] json = districtId == null && AcceptHeader.plainJson(accept) ? verified.json(language) : null;
			if (json != null) {
				// a remembered report no district's trust marks change: the bytes written once per language (Verdicts)
				return Mono.just(ResponseEntity.ok()
					.contentType(MediaType.APPLICATION_JSON)
					.header(HttpHeaders.CACHE_CONTROL, "no-store")
					.body(json));
			}
			return recognise(verified.report().in(language), districtId).map(report -> written(report, accept, language));
		});
	}

	private static ResponseEntity<?> written(Report report, List<MediaType> accept, Language language) {
		if (AcceptHeader.prefersHtml(accept)) {
			return ResponseEntity.ok()
				.contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
				.header(HttpHeaders.CACHE_CONTROL, "no-store")
				.body(ReportPage.render(report, language));
		}
		return ResponseEntity.ok().header(HttpHeaders.CACHE_CONTROL, "no-store").body(report);
	}

	private Mono<Report> recognise(Report report, String districtId) {
		if (districtId == null) {
			return Mono.just(report);
		}
		// the issuer and each endorser: recognised when the district lists its issuer id
		return trusted.findByDistrictIdOrderByCreatedAtAsc(districtId)
			.map(TrustedIssuer::issuerId)
			.collect(java.util.stream.Collectors.toSet())
			.map(ids -> (report.issuer() == null || report.issuer().id() == null ? report
					: report.recognised(ids.contains(report.issuer().id()))).recognisingEndorsers(ids));
	}

	static Mono<byte[]> bytes(reactor.core.publisher.Flux<DataBuffer> body, int max) {
		return DataBufferUtils.join(body, max).map(buffer -> {
			try {
				byte[] bytes = new byte[buffer.readableByteCount()];
				buffer.read(bytes);
				return bytes;
			}
			finally {
				DataBufferUtils.release(buffer);
			}
		}).defaultIfEmpty(new byte[0]).onErrorMap(VerificationController::uploadFailure);
	}

	static Throwable uploadFailure(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof DataBufferLimitException) {
				return VerificationGate.tooLarge();
			}
			if (cause instanceof ProblemException problem) {
				return problem;
			}
		}
		return ex;
	}

	/** A body that cannot be decoded is the client's mistake (400), never a 500; limits and problems pass through. */
	private static Throwable unreadable(Throwable ex, String detail) {
		if (ex instanceof ProblemException) {
			return ex;
		}
		return ProblemException.of(CommonProblem.MALFORMED_REQUEST, "malformed-request-5", detail);
	}

	private static boolean present(String value) {
		return value != null && !value.isBlank();
	}

}
