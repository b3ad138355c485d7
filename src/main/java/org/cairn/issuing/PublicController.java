package org.cairn.issuing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.cairn.baking.BadgeArt;
import org.cairn.baking.PngBaking;
import org.cairn.baking.SvgBaking;
import org.cairn.certificate.CertificateContent;
import org.cairn.certificate.Certificates;
import org.cairn.language.Language;
import org.cairn.openbadges.CredentialFiles;
import org.cairn.problem.ProblemException;
import org.cairn.system.AcceptHeader;
import org.cairn.system.EntityTag;
import org.cairn.template.Tier;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public Open Badges endpoints (no sign-in). JSON-LD ({@code application/ld+json}, or {@code application/json}
 * when that is all the client accepts, spec "Setting Content-Type") for machines; HTML with link-preview tags when a
 * browser prefers {@code text/html}. Documents, baked images and certificates come from memory
 * ({@link PublicDocuments}); every answer carries a strong ETag of its own representation and a matching
 * {@code If-None-Match} gets {@code 304}, so shared links revalidate cheaply when reloaded. Handlers read the
 * request's own headers ({@link ServerHttpRequest}), not {@code @RequestHeader HttpHeaders}, which copies every header
 * into a new map on every request (5-8 % of a baked image's samples in a profile).
 */
@RestController
class PublicController {

	static final MediaType LD_JSON = MediaType.parseMediaType("application/ld+json");

	private static final MediaType SVG = MediaType.parseMediaType("image/svg+xml");

	private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

	/** What a document with a page for people varies by: its media type, and the page's language. */
	private static final String PAGE_VARY = HttpHeaders.ACCEPT + ", " + HttpHeaders.ACCEPT_LANGUAGE;

	private final PublicDocuments documents;

	private final Pages pages;

	private final PublicUrls urls;

	private final Certificates certificates;

	private final JsonMapper json;

	private final ObjectProvider<CredentialFiles> credentialFiles;

	PublicController(PublicDocuments documents, Pages pages, PublicUrls urls, Certificates certificates,
			JsonMapper json, ObjectProvider<CredentialFiles> credentialFiles) {
		this.documents = documents;
		this.pages = pages;
		this.urls = urls;
		this.certificates = certificates;
		this.json = json;
		this.credentialFiles = credentialFiles;
	}

	@GetMapping("/public/assertions/{id}")
	Mono<ResponseEntity<byte[]>> assertion(@PathVariable String id, ServerHttpRequest request) {
		// short: a revocation must reach caches and verifiers soon
		return serve(documents.assertion(id), request, Duration.ofMinutes(1), urls.assertion(id), "Assertion");
	}

	@GetMapping("/public/badges/{id}")
	Mono<ResponseEntity<byte[]>> badge(@PathVariable String id, ServerHttpRequest request) {
		return serve(documents.badge(id), request, Duration.ofMinutes(10), urls.badge(id), "Badge");
	}

	@GetMapping("/public/issuers/{id}")
	Mono<ResponseEntity<byte[]>> issuer(@PathVariable String id, ServerHttpRequest request) {
		return serve(documents.issuer(id), request, Duration.ofMinutes(1), urls.issuer(id), "Issuer");
	}

	@GetMapping("/public/keys/{id}")
	Mono<ResponseEntity<byte[]>> key(@PathVariable String id, ServerHttpRequest request) {
		return serve(documents.key(id), request, Duration.ofMinutes(1), null, "Key");
	}

	@GetMapping("/public/revocations/{issuerId}")
	Mono<ResponseEntity<byte[]>> revocations(@PathVariable String issuerId, ServerHttpRequest request) {
		return serve(documents.revocations(issuerId), request, Duration.ofMinutes(1), null, "Revocation list");
	}

	/** Cairn's 2.0 renewal extension: the JSON-LD context a renewed badge's assertion names, and its JSON schema. */
	@GetMapping(org.cairn.openbadges.RenewalExtension.CONTEXT_PATH)
	ResponseEntity<byte[]> renewalContext(ServerHttpRequest request) {
		return extensionDocument(request, org.cairn.openbadges.RenewalExtension.contextDocument(urls.renewalContext(),
				urls.renewalSchema()), MediaType.parseMediaType("application/ld+json"));
	}

	@GetMapping(org.cairn.openbadges.RenewalExtension.SCHEMA_PATH)
	ResponseEntity<byte[]> renewalSchema(ServerHttpRequest request) {
		return extensionDocument(request, org.cairn.openbadges.RenewalExtension.schemaDocument(urls.renewalSchema()),
				MediaType.parseMediaType("application/schema+json"));
	}

	private ResponseEntity<byte[]> extensionDocument(ServerHttpRequest request, String text, MediaType type) {
		byte[] body = text.getBytes(StandardCharsets.UTF_8);
		return respond(request.getHeaders(), EntityTag.of(body).variant("ext"), type, body,
				CacheControl.maxAge(Duration.ofDays(1)).cachePublic(), false, h -> h.set("Access-Control-Allow-Origin", "*"));
	}

	/** The JSON-LD context of {@code extensions:ReissueExtension}: {@code reissuedAs} is the new assertion's IRI. */
	@GetMapping(PublicUrls.REISSUE_CONTEXT_PATH)
	ResponseEntity<byte[]> reissueContext(ServerHttpRequest request) {
		String term = urls.reissueContext() + "#reissuedAs";
		byte[] body = ("{\"@context\":{\"obi\":\"https://w3id.org/openbadges#\",\"extensions\":"
				+ "\"https://w3id.org/openbadges/extensions#\",\"reissuedAs\":{\"@id\":\"" + term
				+ "\",\"@type\":\"@id\"}}}").getBytes(StandardCharsets.UTF_8);
		return respond(request.getHeaders(), EntityTag.of(body), LD_JSON, body,
				CacheControl.maxAge(Duration.ofDays(1)).cachePublic(), false, h -> h.set("Access-Control-Allow-Origin", "*"));
	}

	@GetMapping("/public/badges/{id}/criteria")
	Mono<ResponseEntity<byte[]>> criteria(@PathVariable String id, ServerHttpRequest request) {
		return documents.badge(id)
			.switchIfEmpty(Mono.error(() -> ProblemException.notFound("Badge")))
			.map(r -> {
				Language language = Language.of(request);
				byte[] page = pages.criteria(json.readTree(r.json()), r.page() == null ? null : r.page().es(), language).getBytes(StandardCharsets.UTF_8);
				return respond(request.getHeaders(), EntityTag.of(page).variant("criteria-" + language.code()), HTML,
						page, CacheControl.maxAge(Duration.ofMinutes(10)).cachePublic(), false,
						h -> h.set(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE));
			});
	}

	@GetMapping("/public/badges/{id}/image")
	Mono<ResponseEntity<byte[]>> badgeImage(@PathVariable String id, ServerHttpRequest request) {
		return documents.rendition("badge-image:" + id, documents.badgeContext(id)
			.flatMap(ctx -> BadgeArt.pngOf(ctx.template().artwork(), ctx.template().title(), ctx.district().brandColor())
				.map(png -> PublicDocuments.Rendition.of(ctx.district().id(), png))))
			.switchIfEmpty(Mono.error(() -> ProblemException.notFound("Badge")))
			.map(image -> respond(request.getHeaders(), image.tag(), MediaType.IMAGE_PNG, image.bytes(),
					CacheControl.maxAge(Duration.ofHours(1)).cachePublic(), false, none -> {
					}));
	}

	/** The baked badge: the JWS for a signed badge; for a hosted one the assertion JSON (and URL, in SVG). */
	@GetMapping("/public/assertions/{id}/image")
	Mono<ResponseEntity<byte[]>> bakedImage(@PathVariable String id, @RequestParam(defaultValue = "png") String format,
			ServerHttpRequest request) {
		if (!format.equals("png") && !format.equals("svg")) {
			return Mono.error(ProblemException.of(IssuingProblem.UNSUPPORTED_FORMAT, "unsupported-format"));
		}
		return issued(id).flatMap(a -> documents.rendition("baked-" + format + ":" + id,
				documents.badgeContext(a.badgeClassId()).flatMap(ctx -> {
					String artwork = ctx.template().artwork();
					String title = ctx.template().title();
					String color = ctx.district().brandColor();
					Mono<byte[]> body = format.equals("png")
							? BadgeArt.pngOf(artwork, title, color)
								.map(png -> PngBaking.bake(png, a.jws() != null ? a.jws() : a.document()))
							: Mono.fromCallable(() -> (a.jws() != null
									? SvgBaking.bakeSigned(BadgeArt.svg(artwork, title, color), a.jws())
									: SvgBaking.bakeHosted(BadgeArt.svg(artwork, title, color), urls.assertion(a.id()),
											a.document()))
								.getBytes(StandardCharsets.UTF_8))
								.subscribeOn(Schedulers.boundedElastic());
					return body.map(bytes -> PublicDocuments.Rendition.of(a.districtId(), bytes));
				})))
			.map(image -> respond(request.getHeaders(), image.tag(), format.equals("png") ? MediaType.IMAGE_PNG : SVG,
					image.bytes(), CacheControl.maxAge(Duration.ofMinutes(10)).cachePublic(), false,
					h -> h.set(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"badge-" + id + "." + format + "\"")));
	}

	/**
	 * The badge image with its Open Badges 3.0 credential baked in (OB 3.0 "Baked Badge"): the credential JSON with
	 * its embedded {@code eddsa-rdfc-2022} proof in a PNG {@code openbadgecredential} iTXt chunk, or an SVG
	 * {@code openbadges:credential} element. A download of its own, beside the 2.0-baked image, which stays as it is.
	 */
	@GetMapping("/public/assertions/{id}/credential-image")
	Mono<ResponseEntity<byte[]>> credentialImage(@PathVariable String id,
			@RequestParam(defaultValue = "png") String format, ServerHttpRequest request) {
		if (!format.equals("png") && !format.equals("svg")) {
			return Mono.error(ProblemException.of(IssuingProblem.UNSUPPORTED_FORMAT, "unsupported-format"));
		}
		CredentialFiles files = credentialFiles.getIfAvailable();
		if (files == null) {
			return Mono.error(() -> ProblemException.notFound("Credential"));
		}
		return issued(id).flatMap(a -> documents.rendition("baked3-" + format + ":" + id,
				files.credentialJsonNow(a.id()).flatMap(credential -> documents.badgeContext(a.badgeClassId())
					.flatMap(ctx -> {
						String artwork = ctx.template().artwork();
						String title = ctx.template().title();
						String color = ctx.district().brandColor();
						Mono<byte[]> body = format.equals("png")
								? BadgeArt.pngOf(artwork, title, color).map(png -> PngBaking.bakeCredential(png, credential))
								: Mono.fromCallable(() -> SvgBaking
									.bakeCredential(BadgeArt.svg(artwork, title, color), credential)
									.getBytes(StandardCharsets.UTF_8))
									.subscribeOn(Schedulers.boundedElastic());
						return body.map(bytes -> PublicDocuments.Rendition.of(a.districtId(), bytes));
					}))))
			.switchIfEmpty(Mono.error(() -> ProblemException.notFound("Credential")))
			.map(image -> respond(request.getHeaders(), image.tag(), format.equals("png") ? MediaType.IMAGE_PNG : SVG,
					image.bytes(), CacheControl.maxAge(Duration.ofMinutes(10)).cachePublic(), false,
					h -> h.set(HttpHeaders.CONTENT_DISPOSITION,
							"inline; filename=\"badge-" + id + "-ob3." + format + "\"")));
	}

	/**
	 * Rendered once per assertion, paper size and language, kept until the district's documents change (see
	 * PublicDocuments; a recipient's new language and a template's change drop them too). The language is the one
	 * asked for ({@code ?lang=}), else the one held with the assertion (the recipient's choice, else the district's
	 * default): no store call picks it. The key is what {@link PublicReads} looks for; a rendition made before the
	 * badge's 3.0 credential was issued is kept apart ({@code :2.0}) and is not served from there, since the next
	 * read may attach the credential.
	 */
	@GetMapping("/public/assertions/{id}/certificate.pdf")
	Mono<ResponseEntity<byte[]>> certificate(@PathVariable String id,
			@RequestParam(defaultValue = "letter") String paper, ServerHttpRequest request) {
		if (!paper.equals("letter") && !paper.equals("a4")) {
			return Mono.error(ProblemException.of(IssuingProblem.UNSUPPORTED_PAPER, "unsupported-paper"));
		}
		Language asked = Language.of(request.getQueryParams().getFirst(Language.PARAMETER));
		return held(id).flatMap(held -> documents.credential(held).flatMap(ob3 -> {
			IssuedAssertion a = held.assertion();
			Language language = asked != null ? asked : held.certificateLanguage();
			return documents.rendition(certificateKey(paper, id, language) + (ob3.isEmpty() ? ":2.0" : ""),
					documents.badgeContext(a.badgeClassId())
						.flatMap(ctx -> BadgeArt.pngOf(ctx.template().artwork(), ctx.template().title(),
								ctx.district().brandColor())
							.map(png -> content(a, ctx, paper.equals("a4"), png, ob3.orElse(null), language)))
						.publishOn(Schedulers.boundedElastic())
						// the PDF carries its creation time: the tag names what it shows, so re-rendering keeps it
						.map(content -> new PublicDocuments.Rendition(a.districtId(), certificates.render(content),
								EntityTag.of(content.fingerprint()).variant("pdf"))));
		}))
			.map(pdf -> respond(request.getHeaders(), pdf.tag(), MediaType.APPLICATION_PDF, pdf.bytes(),
					CacheControl.maxAge(Duration.ofMinutes(10)).cachePublic(), false,
					h -> h.set(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"certificate-" + id + ".pdf\"")));
	}

	/** Where the certificate with its 3.0 credential attached is held (see {@link PublicDocuments#rendition}). */
	static String certificateKey(String paper, String assertionId, Language language) {
		return "certificate-" + paper + ":" + assertionId + ":" + language.code();
	}

	private CertificateContent content(IssuedAssertion a, PublicDocuments.BadgeContext ctx, boolean a4, byte[] image,
			String credentialJson, Language language) {
		Tier tier = a.tierKey() == null ? null : ctx.template().tier(a.tierKey()).orElse(null);
		List<String> alignments = ctx.template().alignments().stream()
			.map(al -> (al.targetCode() == null ? "" : al.targetCode() + " ") + al.targetName()
					+ (al.targetFramework() == null ? "" : " (" + al.targetFramework() + ")"))
			.toList();
		List<String> extras = new ArrayList<>();
		if (ctx.issuer().showStipend() && a.stipendCents() > 0) {
			extras.add(language.text("certificate.stipend", language.dollars(a.stipendCents())));
		}
		Integer hours = tier != null ? tier.estimatedHours()
				: ctx.template().tiers().stream().map(Tier::estimatedHours).filter(java.util.Objects::nonNull)
					.reduce(Integer::sum).orElse(null);
		if (ctx.issuer().showHours() && hours != null) {
			extras.add(language.text("certificate.hours", String.valueOf(hours)));
		}
		return new CertificateContent(ctx.district().name(), ctx.district().brandColor(), ctx.district().logo(),
				a.recipientName() == null ? a.recipientEmail() : a.recipientName(), ctx.template().in(language).title(),
				tier == null ? null : ctx.template().in(language).tier(tier.key()).map(Tier::title).orElse(null), alignments, extras, a.issuedOn(), a.expires(),
				urls.assertion(a.id()), a.document(), a.jws(), a4, image,
				ctx.issuer().signatoryName(), ctx.issuer().signatoryTitle(), credentialJson, language);
	}

	/** An assertion that can still be shown as a badge: revoked ones have no image or certificate. */
	private Mono<PublicDocuments.HeldAssertion> held(String id) {
		return documents.issued(id)
			.switchIfEmpty(Mono.error(() -> ProblemException.notFound("Assertion")))
			.flatMap(held -> held.assertion().revoked()
					? Mono.error(ProblemException.of(IssuingProblem.ASSERTION_REVOKED, "assertion-revoked"))
					: Mono.just(held));
	}

	private Mono<IssuedAssertion> issued(String id) {
		return held(id).map(PublicDocuments.HeldAssertion::assertion);
	}

	/**
	 * JSON-LD for machines (one language: the author's), or the page for people in the language they asked for
	 * ({@code ?lang=}, else {@code Accept-Language}): the memory cache holds the document once, the page is written per
	 * request; its tag names the language and it varies by {@code Accept-Language} too, so a shared cache keeps one
	 * page per language (the JSON varies by {@code Accept} alone: its language is the author's).
	 */
	private Mono<ResponseEntity<byte[]>> serve(Mono<Rendered> document, ServerHttpRequest request, Duration maxAge,
			String pageUrl, String what) {
		HttpHeaders headers = request.getHeaders();
		return document.switchIfEmpty(Mono.error(() -> ProblemException.notFound(what))).map(r -> {
			CacheControl cache = CacheControl.maxAge(maxAge).cachePublic();
			boolean html = pageUrl != null && AcceptHeader.prefersHtml(headers.getAccept());
			if (r.status() != 200) {
				// 410 Gone for a revoked hosted assertion: no validator, never "not modified"
				ResponseEntity.BodyBuilder gone = ResponseEntity.status(r.status()).cacheControl(cache)
					.header(HttpHeaders.VARY, html ? PAGE_VARY : HttpHeaders.ACCEPT)
					.header("Access-Control-Allow-Origin", "*");
				return html ? gone.contentType(HTML)
					.body(pages.page(r, pageUrl, Language.of(request)).getBytes(StandardCharsets.UTF_8))
						: gone.contentType(jsonType(headers)).body(r.json());
			}
			Consumer<HttpHeaders> cors = h -> h.set("Access-Control-Allow-Origin", "*");
			if (html) {
				Language language = Language.of(request);
				byte[] page = pages.page(r, pageUrl, language).getBytes(StandardCharsets.UTF_8);
				return respond(headers, EntityTag.of(page).variant("html-" + language.code()), HTML, page, cache, false,
						cors.andThen(h -> h.set(HttpHeaders.VARY, PAGE_VARY)));
			}
			MediaType type = jsonType(headers);
			// the same bytes under another Content-Type are another representation: another tag
			EntityTag tag = type.equals(LD_JSON) ? r.tag() : r.tag().variant("json");
			return respond(headers, tag, type, r.json(), cache, true, cors);
		});
	}

	/**
	 * The answer to a GET of one representation: {@code 304} with the validators when the request's
	 * {@code If-None-Match} names its tag, the full body otherwise (also when that header is malformed).
	 */
	private static ResponseEntity<byte[]> respond(HttpHeaders request, EntityTag tag, MediaType type, byte[] body,
			CacheControl cache, boolean negotiated, Consumer<HttpHeaders> more) {
		boolean unchanged = tag.matchedBy(request);
		ResponseEntity.BodyBuilder answer = unchanged ? ResponseEntity.status(HttpStatus.NOT_MODIFIED)
				: ResponseEntity.ok().contentType(type);
		answer.eTag(tag.header()).cacheControl(cache).headers(more);
		if (negotiated) {
			answer.header(HttpHeaders.VARY, HttpHeaders.ACCEPT);
		}
		return unchanged ? answer.build() : answer.body(body);
	}

	static MediaType jsonType(HttpHeaders headers) {
		List<MediaType> accept = headers.getAccept();
		boolean onlyJson = !accept.isEmpty()
				&& accept.stream().allMatch(t -> t.equalsTypeAndSubtype(MediaType.APPLICATION_JSON));
		return onlyJson ? MediaType.APPLICATION_JSON : LD_JSON;
	}

}
