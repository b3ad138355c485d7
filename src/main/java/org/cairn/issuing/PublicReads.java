package org.cairn.issuing;

import java.time.Duration;
import java.util.List;

import org.cairn.language.Language;
import org.cairn.system.EntityTag;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.web.server.header.CompositeServerHttpHeadersWriter;
import org.springframework.security.web.server.header.ServerHttpHeadersWriter;
import org.springframework.security.web.server.header.StrictTransportSecurityServerHttpHeadersWriter;
import org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter;
import org.springframework.security.web.server.header.XXssProtectionServerHttpHeadersWriter;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * The hot public reads answered before the security chain and the dispatcher: a GET of a hosted assertion, badge
 * class, issuer profile, key or revocation list as JSON-LD/JSON, or of a baked image, badge image or certificate,
 * when {@link PublicDocuments} holds it in memory. Each such request otherwise went through Spring Security's
 * firewall and filters and the annotated-handler lookup, which matches a path with variables against every route
 * (docs/issuing.md, "Where the time goes"): together most of the CPU such a read cost.
 * <p>
 * The answer is the one {@link PublicController} gives (same bytes, ETag and {@code 304}, Cache-Control, Vary, CORS,
 * Content-Disposition), and it passes the same filters in front of this one: the request id and access log, the
 * malformed-{@code If-None-Match} guard and the security headers (CSP by type); the headers Spring Security's chain
 * adds to every answer ({@code X-Frame-Options}, {@code X-XSS-Protection}, HSTS over https) are written by Spring
 * Security's own writers. A certificate is the one in the language asked for ({@code ?lang=}), else in the one held
 * with its assertion (no store call picks it). Everything else falls through unchanged: a miss (the ordinary way
 * loads it), HEAD, a query this does not know, an {@code Accept} naming anything but JSON, JSON-LD or a wildcard
 * (HTML pages, 3.0 credentials), a revoked badge (410 or a problem), a path outside the strict grammar below (so the
 * firewall still sees every odd path). Nothing here reads a session or a cookie, or sets one.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2) // after the request id, the security headers and the If-None-Match guard
class PublicReads implements WebFilter {

	private static final String PREFIX = "/public/";

	private static final int MAX_ID = 64;

	private static final MediaType PDF = MediaType.APPLICATION_PDF;

	private static final MediaType SVG = MediaType.parseMediaType("image/svg+xml");

	private static final String ONE_MINUTE = CacheControl.maxAge(Duration.ofMinutes(1)).cachePublic().getHeaderValue();

	private static final String TEN_MINUTES = CacheControl.maxAge(Duration.ofMinutes(10)).cachePublic()
		.getHeaderValue();

	private static final String ONE_HOUR = CacheControl.maxAge(Duration.ofHours(1)).cachePublic().getHeaderValue();

	/** What Spring Security's default header writers add that {@code SecurityHeaders} does not. */
	private static final ServerHttpHeadersWriter SPRING_SECURITY_HEADERS = new CompositeServerHttpHeadersWriter(
			new XFrameOptionsServerHttpHeadersWriter(), new XXssProtectionServerHttpHeadersWriter(),
			new StrictTransportSecurityServerHttpHeadersWriter());

	private final PublicDocuments documents;

	PublicReads(PublicDocuments documents) {
		this.documents = documents;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		ServerHttpRequest request = exchange.getRequest();
		if (request.getMethod() != HttpMethod.GET) {
			return chain.filter(exchange);
		}
		String path = request.getPath().pathWithinApplication().value();
		if (!path.startsWith(PREFIX)) {
			return chain.filter(exchange);
		}
		Answer answer;
		try {
			answer = answer(path, request.getURI().getRawQuery(), request.getHeaders());
		}
		catch (InvalidMediaTypeException ex) {
			answer = null; // the ordinary way answers a malformed Accept as it always did
		}
		return answer == null ? chain.filter(exchange) : write(exchange, answer);
	}

	/** The answer from memory, or null when the ordinary way must answer. */
	private Answer answer(String path, String query, HttpHeaders headers) {
		int kindEnd = path.indexOf('/', PREFIX.length());
		if (kindEnd < 0) {
			return null;
		}
		int idEnd = path.indexOf('/', kindEnd + 1);
		String id = path.substring(kindEnd + 1, idEnd < 0 ? path.length() : idEnd);
		if (!plainId(id)) {
			return null;
		}
		String kind = path.substring(PREFIX.length(), kindEnd);
		String rest = idEnd < 0 ? "" : path.substring(idEnd);
		if (rest.isEmpty()) {
			return query == null ? document(kind, id, headers) : null;
		}
		if (kind.equals("assertions") && rest.equals("/image")) {
			String format = query == null ? "png" : query.equals("format=png") ? "png"
					: query.equals("format=svg") ? "svg" : null;
			return format == null ? null : baked(id, format, headers);
		}
		if (kind.equals("assertions") && rest.equals("/certificate.pdf")) {
			return certificate(id, CertificateQuery.of(query), headers);
		}
		if (kind.equals("badges") && rest.equals("/image") && query == null) {
			PublicDocuments.Rendition image = documents.peekRendition("badge-image:" + id);
			return image == null || !accepts(headers, MediaType.IMAGE_PNG) ? null
					: new Answer(image.bytes(), image.tag(), MediaType.IMAGE_PNG, ONE_HOUR, false, null);
		}
		return null;
	}

	private Answer document(String kind, String id, HttpHeaders headers) {
		String key = switch (kind) {
			case "assertions" -> "assertion:";
			case "badges" -> "badge:";
			case "issuers" -> "issuer:";
			case "keys" -> "key:";
			case "revocations" -> "revocations:";
			default -> null;
		};
		if (key == null || !(documents.peek(key + id) instanceof Rendered r) || r.status() != 200) {
			return null;
		}
		List<MediaType> accept = headers.getAccept();
		if (!jsonOnly(accept)) {
			return null;
		}
		MediaType type = PublicController.jsonType(headers);
		// the same bytes under another Content-Type are another representation: another tag (as PublicController)
		EntityTag tag = type.equals(PublicController.LD_JSON) ? r.tag() : r.tag().variant("json");
		return new Answer(r.json(), tag, type, kind.equals("badges") ? TEN_MINUTES : ONE_MINUTE, true, null);
	}

	private Answer baked(String id, String format, HttpHeaders headers) {
		MediaType type = format.equals("png") ? MediaType.IMAGE_PNG : SVG;
		PublicDocuments.Rendition image = shown(id) != null ? documents.peekRendition("baked-" + format + ":" + id) : null;
		return image == null || !accepts(headers, type) ? null
				: new Answer(image.bytes(), image.tag(), type, TEN_MINUTES, false,
						"inline; filename=\"badge-" + id + "." + format + "\"");
	}

	/**
	 * The certificate in the language asked for, else in the one held with the assertion (the recipient's, else the
	 * district's): only the rendition with the badge's Open Badges 3.0 credential, since the 2.0-only one may be
	 * about to change.
	 */
	private Answer certificate(String id, CertificateQuery query, HttpHeaders headers) {
		PublicDocuments.HeldAssertion held = query == null ? null : shown(id);
		if (held == null) {
			return null;
		}
		Language language = query.language() != null ? query.language() : held.certificateLanguage();
		PublicDocuments.Rendition pdf = documents
			.peekRendition(PublicController.certificateKey(query.paper(), id, language));
		return pdf == null || !accepts(headers, PDF) ? null
				: new Answer(pdf.bytes(), pdf.tag(), PDF, TEN_MINUTES, false,
						"inline; filename=\"certificate-" + id + ".pdf\"");
	}

	/** The assertion in memory when it is not revoked (a revoked one's image and certificate are refused), or null. */
	private PublicDocuments.HeldAssertion shown(String id) {
		return documents.peek("issued:" + id) instanceof PublicDocuments.HeldAssertion held
				&& !held.assertion().revoked() ? held : null;
	}

	private static boolean plainId(String id) {
		if (id.isEmpty() || id.length() > MAX_ID) {
			return false;
		}
		for (int i = 0; i < id.length(); i++) {
			char c = id.charAt(i);
			if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_')) {
				return false;
			}
		}
		return true;
	}

	/** No Accept, or only JSON, JSON-LD and wildcards: never HTML (a page) or a 3.0 credential type. */
	private static boolean jsonOnly(List<MediaType> accept) {
		for (MediaType type : accept) {
			boolean json = type.isWildcardType() || type.getType().equals("application") && (type.isWildcardSubtype()
					|| type.getSubtype().equals("json") || type.getSubtype().equals("ld+json"));
			if (!json) {
				return false;
			}
		}
		return true;
	}

	private static boolean accepts(HttpHeaders headers, MediaType type) {
		List<MediaType> accept = headers.getAccept();
		if (accept.isEmpty()) {
			return true;
		}
		for (MediaType acceptable : accept) {
			if (acceptable.includes(type) && acceptable.getQualityValue() > 0) {
				return true;
			}
		}
		return false;
	}

	private static Mono<Void> write(ServerWebExchange exchange, Answer answer) {
		ServerHttpResponse response = exchange.getResponse();
		HttpHeaders headers = response.getHeaders();
		boolean unchanged = answer.tag().matchedBy(exchange.getRequest().getHeaders());
		if (!unchanged) {
			headers.setContentType(answer.type());
		}
		headers.set(HttpHeaders.ETAG, answer.tag().header());
		headers.set(HttpHeaders.CACHE_CONTROL, answer.cacheControl());
		if (answer.disposition() != null) {
			headers.set(HttpHeaders.CONTENT_DISPOSITION, answer.disposition());
		}
		if (answer.negotiated()) {
			headers.set("Access-Control-Allow-Origin", "*");
			headers.set(HttpHeaders.VARY, HttpHeaders.ACCEPT);
		}
		return SPRING_SECURITY_HEADERS.writeHttpHeaders(exchange).then(Mono.defer(() -> {
			if (unchanged) {
				response.setStatusCode(HttpStatus.NOT_MODIFIED);
				return response.setComplete();
			}
			response.setStatusCode(HttpStatus.OK);
			headers.setContentLength(answer.body().length);
			return response.writeWith(Mono.just(response.bufferFactory().wrap(answer.body())));
		}));
	}

	/**
	 * A certificate's query as the controller reads it: {@code paper=letter|a4} and {@code lang=en|es}, each at most
	 * once, in any order; anything else (another value, a repeat, an empty part) is the ordinary way's to answer.
	 *
	 * @param language null when none is asked for
	 */
	record CertificateQuery(String paper, Language language) {

		/** The query, or null when the ordinary way must read it. */
		static CertificateQuery of(String query) {
			if (query == null) {
				return new CertificateQuery("letter", null);
			}
			String paper = null;
			Language language = null;
			for (String part : query.split("&", -1)) {
				if (paper == null && (part.equals("paper=letter") || part.equals("paper=a4"))) {
					paper = part.substring("paper=".length());
				}
				else if (language == null && (part.equals("lang=en") || part.equals("lang=es"))) {
					language = Language.of(part.substring("lang=".length()));
				}
				else {
					return null;
				}
			}
			return new CertificateQuery(paper == null ? "letter" : paper, language);
		}

	}

	/** @param negotiated a JSON document: answers vary by Accept and may be read from any origin */
	private record Answer(byte[] body, EntityTag tag, MediaType type, String cacheControl, boolean negotiated,
			String disposition) {
	}

}
