package org.cairn.issuing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.cairn.baking.BadgeArt;
import org.cairn.baking.PngBaking;
import org.cairn.baking.SvgBaking;
import org.cairn.certificate.CertificateContent;
import org.cairn.certificate.Certificates;
import org.cairn.problem.ProblemException;
import org.cairn.system.AcceptHeader;
import org.cairn.template.Tier;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;


import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public Open Badges endpoints (no sign-in). JSON-LD ({@code application/ld+json}, or {@code application/json}
 * when that is all the client accepts, spec "Setting Content-Type") for machines; HTML with link-preview tags when a
 * browser prefers {@code text/html}. Documents come from memory ({@link PublicDocuments}).
 */
@RestController
class PublicController {

	static final MediaType LD_JSON = MediaType.parseMediaType("application/ld+json");

	private static final MediaType SVG = MediaType.parseMediaType("image/svg+xml");

	private final PublicDocuments documents;

	private final Pages pages;

	private final PublicUrls urls;

	private final ReactiveMongoTemplate mongo;

	private final Certificates certificates;

	private final JsonMapper json;

	PublicController(PublicDocuments documents, Pages pages, PublicUrls urls, ReactiveMongoTemplate mongo,
			Certificates certificates, JsonMapper json) {
		this.documents = documents;
		this.pages = pages;
		this.urls = urls;
		this.mongo = mongo;
		this.certificates = certificates;
		this.json = json;
	}

	@GetMapping("/public/assertions/{id}")
	Mono<ResponseEntity<byte[]>> assertion(@PathVariable String id, @RequestHeader HttpHeaders headers) {
		// short: a revocation must reach caches and verifiers soon
		return serve(documents.assertion(id), headers, Duration.ofMinutes(1), urls.assertion(id), "Assertion");
	}

	@GetMapping("/public/badges/{id}")
	Mono<ResponseEntity<byte[]>> badge(@PathVariable String id, @RequestHeader HttpHeaders headers) {
		return serve(documents.badge(id), headers, Duration.ofMinutes(10), urls.badge(id), "Badge");
	}

	@GetMapping("/public/issuers/{id}")
	Mono<ResponseEntity<byte[]>> issuer(@PathVariable String id, @RequestHeader HttpHeaders headers) {
		return serve(documents.issuer(id), headers, Duration.ofMinutes(1), urls.issuer(id), "Issuer");
	}

	@GetMapping("/public/keys/{id}")
	Mono<ResponseEntity<byte[]>> key(@PathVariable String id, @RequestHeader HttpHeaders headers) {
		return serve(documents.key(id), headers, Duration.ofMinutes(1), null, "Key");
	}

	@GetMapping("/public/revocations/{issuerId}")
	Mono<ResponseEntity<byte[]>> revocations(@PathVariable String issuerId, @RequestHeader HttpHeaders headers) {
		return serve(documents.revocations(issuerId), headers, Duration.ofMinutes(1), null, "Revocation list");
	}

	@GetMapping(path = "/public/badges/{id}/criteria", produces = MediaType.TEXT_HTML_VALUE)
	Mono<String> criteria(@PathVariable String id) {
		return documents.badge(id)
			.switchIfEmpty(Mono.error(() -> ProblemException.notFound("Badge")))
			.map(r -> pages.criteria(json.readTree(r.json())));
	}

	@GetMapping("/public/badges/{id}/image")
	Mono<ResponseEntity<byte[]>> badgeImage(@PathVariable String id) {
		return documents.badgeContext(id)
			.switchIfEmpty(Mono.error(() -> ProblemException.notFound("Badge")))
			.publishOn(Schedulers.boundedElastic())
			.map(ctx -> ResponseEntity.ok()
				.contentType(MediaType.IMAGE_PNG)
				.cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePublic())
				.body(BadgeArt.png(ctx.template().artwork(), ctx.template().title(), ctx.district().brandColor())));
	}

	/** The baked badge: the JWS for a signed badge; for a hosted one the assertion JSON (and URL, in SVG). */
	@GetMapping("/public/assertions/{id}/image")
	Mono<ResponseEntity<byte[]>> bakedImage(@PathVariable String id,
			@RequestParam(defaultValue = "png") String format) {
		if (!format.equals("png") && !format.equals("svg")) {
			return Mono.error(ProblemException.badRequest("unsupported-format", "Unsupported format",
					"format must be png or svg."));
		}
		return issued(id).flatMap(a -> documents.badgeContext(a.badgeClassId())
			.publishOn(Schedulers.boundedElastic())
			.map(ctx -> {
				String artwork = ctx.template().artwork();
				String title = ctx.template().title();
				String color = ctx.district().brandColor();
				byte[] body = format.equals("png")
						? PngBaking.bake(BadgeArt.png(artwork, title, color), a.jws() != null ? a.jws() : a.document())
						: (a.jws() != null ? SvgBaking.bakeSigned(BadgeArt.svg(artwork, title, color), a.jws())
								: SvgBaking.bakeHosted(BadgeArt.svg(artwork, title, color), urls.assertion(a.id()),
										a.document()))
							.getBytes(StandardCharsets.UTF_8);
				return ResponseEntity.ok()
					.contentType(format.equals("png") ? MediaType.IMAGE_PNG : SVG)
					.header(HttpHeaders.CONTENT_DISPOSITION,
							"inline; filename=\"badge-" + a.id() + "." + format + "\"")
					.cacheControl(CacheControl.maxAge(Duration.ofMinutes(10)).cachePublic())
					.body(body);
			}));
	}

	@GetMapping("/public/assertions/{id}/certificate.pdf")
	Mono<ResponseEntity<byte[]>> certificate(@PathVariable String id,
			@RequestParam(defaultValue = "letter") String paper) {
		if (!paper.equals("letter") && !paper.equals("a4")) {
			return Mono.error(ProblemException.badRequest("unsupported-paper", "Unsupported paper",
					"paper must be letter or a4."));
		}
		// the artwork is rendered with the rest of the certificate, off the event loop
		return issued(id).flatMap(a -> documents.badgeContext(a.badgeClassId()).publishOn(Schedulers.boundedElastic())
			.map(ctx -> {
			Tier tier = a.tierKey() == null ? null : ctx.template().tier(a.tierKey()).orElse(null);
			List<String> alignments = ctx.template().alignments().stream()
				.map(al -> (al.targetCode() == null ? "" : al.targetCode() + " ") + al.targetName()
						+ (al.targetFramework() == null ? "" : " (" + al.targetFramework() + ")"))
				.toList();
			List<String> extras = new ArrayList<>();
			if (ctx.issuer().showStipend() && a.stipendCents() > 0) {
				extras.add(String.format(java.util.Locale.US, "Stipend: $%,.2f", a.stipendCents() / 100.0));
			}
			Integer hours = tier != null ? tier.estimatedHours()
					: ctx.template().tiers().stream().map(Tier::estimatedHours).filter(java.util.Objects::nonNull)
						.reduce(Integer::sum).orElse(null);
			if (ctx.issuer().showHours() && hours != null) {
				extras.add("Professional learning hours: " + hours);
			}
			return new CertificateContent(ctx.district().name(), ctx.district().brandColor(), ctx.district().logo(),
					a.recipientName() == null ? a.recipientEmail() : a.recipientName(), ctx.template().title(),
					tier == null ? null : tier.title(), alignments, extras, a.issuedOn(), a.expires(),
					urls.assertion(a.id()), a.document(), a.jws(), paper.equals("a4"),
					BadgeArt.png(ctx.template().artwork(), ctx.template().title(), ctx.district().brandColor()),
					ctx.issuer().signatoryName(), ctx.issuer().signatoryTitle());
		}))
			.publishOn(Schedulers.boundedElastic())
			.map(content -> ResponseEntity.ok()
				.contentType(MediaType.APPLICATION_PDF)
				.header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"certificate-" + id + ".pdf\"")
				.cacheControl(CacheControl.maxAge(Duration.ofMinutes(10)).cachePublic())
				.body(certificates.render(content)));
	}

	/** An assertion that can still be shown as a badge: revoked ones have no image or certificate. */
	private Mono<IssuedAssertion> issued(String id) {
		return mongo.findById(id, IssuedAssertion.class)
			.switchIfEmpty(Mono.error(() -> ProblemException.notFound("Assertion")))
			.flatMap(a -> a.revoked()
					? Mono.error(new ProblemException(HttpStatus.GONE, "assertion-revoked", "Revoked",
							"This badge was revoked."))
					: Mono.just(a));
	}

	private Mono<ResponseEntity<byte[]>> serve(Mono<Rendered> document, HttpHeaders headers, Duration maxAge,
			String pageUrl, String what) {
		return document.switchIfEmpty(Mono.error(() -> ProblemException.notFound(what))).map(r -> {
			boolean html = pageUrl != null && AcceptHeader.prefersHtml(headers.getAccept());
			// the HTML page is another representation: its own, well-formed tag ("h…"); the old one ("h…"h) was
			// malformed, and a browser sending it back in If-None-Match on reload got a 500
			String etag = html ? "\"h" + r.etag().replace("\"", "") + "\"" : r.etag();
			ResponseEntity.BodyBuilder ok = ResponseEntity.status(r.status())
				.eTag(etag)
				.cacheControl(CacheControl.maxAge(maxAge).cachePublic())
				.header(HttpHeaders.VARY, HttpHeaders.ACCEPT)
				.header("Access-Control-Allow-Origin", "*");
			if (ifNoneMatch(headers).contains(etag)) {
				return ResponseEntity.status(HttpStatus.NOT_MODIFIED)
					.eTag(etag)
					.cacheControl(CacheControl.maxAge(maxAge).cachePublic())
					.header(HttpHeaders.VARY, HttpHeaders.ACCEPT)
					.build();
			}
			if (html) {
				return ok.contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
					.body(pages.page(r, pageUrl).getBytes(StandardCharsets.UTF_8));
			}
			return ok.contentType(onlyJson(headers.getAccept()) ? MediaType.APPLICATION_JSON : LD_JSON).body(r.json());
		});
	}

	/** A malformed If-None-Match (a client's or an old cache's) is no match, not a failure. */
	private static List<String> ifNoneMatch(HttpHeaders headers) {
		try {
			return headers.getIfNoneMatch();
		}
		catch (IllegalArgumentException ex) {
			return List.of();
		}
	}

	private static boolean onlyJson(List<MediaType> accept) {
		return !accept.isEmpty() && accept.stream().allMatch(t -> t.equalsTypeAndSubtype(MediaType.APPLICATION_JSON));
	}

}
