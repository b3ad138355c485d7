package org.cairn.verification;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.util.Base64URL;
import org.cairn.openbadges.Conventions;
import org.cairn.outbound.DocumentFetcher;
import org.cairn.outbound.FetchFailure;
import org.cairn.outbound.Fetched;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs the Open Badges 2.0 verification procedure (spec "Verification") as named checks: detect and extract the
 * input, validate the documents (context, types, required properties), retrieve badge class and issuer, check the
 * hosted scope or the signature with a key the issuer lists, revocation, dates, recipient and image. Every failure is
 * a check in the report, never an exception.
 */
public final class Verifier {

	private static final Logger log = LoggerFactory.getLogger(Verifier.class);

	/** The OB v2 context (and the spec site's copy of it, used by some issuers). */
	private static final Set<String> V2_CONTEXTS = Set.of(Conventions.CONTEXT_V2, "http://w3id.org/openbadges/v2",
			"https://openbadgespec.org/v2/context.json", "https://w3id.org/openbadges/v2/");

	private static final String OB_VOCABULARY = "https://w3id.org/openbadges#";

	/** The classes and aliases the v2 context defines (context-v2.json). */
	private static final Set<String> KNOWN_TYPES = Set.of("AlignmentObject", "CryptographicKey", "Endorsement",
			"Assertion", "BadgeClass", "Criteria", "Evidence", "Extension", "FrameValidation", "IdentityObject", "Image",
			"HostedBadge", "hosted", "Issuer", "Profile", "RevocationList", "SignedBadge", "signed", "TypeValidation",
			"VerificationObject");

	private static final Pattern JWS = Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*");

	private static final Pattern HASH = Pattern.compile("(sha256|md5)\\$([0-9a-fA-F]+)");

	/** Documents one verification may fetch: assertion, badge, issuer, a few keys, the revocation list. */
	private static final int MAX_FETCHES = 10;

	private static final int MAX_DEPTH = 32;

	/** Parsed public keys by their PEM text: the text is the key, so an entry never goes stale. Bounded. */
	private static final java.util.Map<String, RSAPublicKey> PARSED_KEYS = new java.util.concurrent.ConcurrentHashMap<>();

	/** Clock skew tolerated before an issue date counts as "in the future". */
	private static final Duration SKEW = Duration.ofMinutes(5);

	private final DocumentFetcher documents;

	private final JsonMapper json;

	private final Clock clock;

	private final Duration deadline;

	public Verifier(DocumentFetcher documents, JsonMapper json, Clock clock, Duration deadline) {
		this.documents = documents;
		this.json = json;
		this.clock = clock;
		this.deadline = deadline;
	}

	Mono<Report> verify(Submission submission) {
		Run run = new Run(submission.recipient());
		Mono<Void> steps = Mono.fromCallable(() -> detect(submission, run))
			// images and PDFs are parsed off the event loop
			.subscribeOn(submission.source() == Submission.Source.FILE ? Schedulers.boundedElastic()
					: Schedulers.immediate())
			.flatMap(content -> content.isEmpty() ? Mono.empty() : Mono.just(content.get()))
			.flatMap(content -> start(content, run))
			.timeout(deadline)
			.onErrorResume(ex -> {
				if (ex instanceof java.util.concurrent.TimeoutException) {
					run.fail(run.current, "Verification did not finish within " + deadline.toSeconds() + " seconds.");
				}
				else {
					log.warn("Verification step {} failed unexpectedly", run.current.id(), ex);
					run.fail(run.current, "This step could not be completed on the input given.");
				}
				return Mono.empty();
			});
		return steps.then(Mono.fromCallable(() -> report(run)));
	}

	// ---- input detection and extraction -------------------------------------------------------------------------

	private java.util.Optional<String> detect(Submission submission, Run run) {
		run.current = CheckId.INPUT_DETECT;
		switch (submission.source()) {
			case URL -> {
				run.input = InputKind.URL;
				return text(submission.text(), run, "URL");
			}
			case ASSERTION -> {
				run.input = InputKind.JSON;
				return text(submission.text(), run, "assertion JSON");
			}
			case JWS -> {
				run.input = InputKind.JWS;
				return text(submission.text(), run, "JWS");
			}
			default -> {
				return file(submission.file(), run);
			}
		}
	}

	private java.util.Optional<String> text(String value, Run run, String what) {
		if (value == null || value.isBlank()) {
			run.fail(CheckId.INPUT_DETECT, "The " + what + " is empty.");
			return java.util.Optional.empty();
		}
		run.pass(CheckId.INPUT_DETECT, "Input is " + (what.startsWith("a") ? "an " : "a ") + what + ".");
		run.skip(CheckId.INPUT_EXTRACT, "Nothing to extract: the input is the badge itself.");
		run.skip(CheckId.IMAGE_INTEGRITY, "The input is not an image.");
		return java.util.Optional.of(value.strip());
	}

	private java.util.Optional<String> file(byte[] bytes, Run run) {
		if (bytes == null || bytes.length == 0) {
			run.fail(CheckId.INPUT_DETECT, "The uploaded file is empty.");
			return java.util.Optional.empty();
		}
		Extracted extracted;
		if (PngExtraction.looksLike(bytes)) {
			run.input = InputKind.PNG;
			run.current = CheckId.INPUT_EXTRACT;
			extracted = PngExtraction.extract(bytes);
		}
		else if (PdfExtraction.looksLike(bytes)) {
			run.input = InputKind.PDF;
			run.current = CheckId.INPUT_EXTRACT;
			extracted = PdfExtraction.extract(bytes);
		}
		else if (SvgExtraction.looksLike(bytes)) {
			run.input = InputKind.SVG;
			run.current = CheckId.INPUT_EXTRACT;
			extracted = SvgExtraction.extract(bytes);
		}
		else {
			String text = new String(bytes, StandardCharsets.UTF_8).strip();
			InputKind kind = classify(text);
			if (kind == InputKind.UNKNOWN) {
				run.fail(CheckId.INPUT_DETECT,
						"The file is not a baked PNG or SVG, a PDF certificate, assertion JSON, a JWS or a URL.");
				return java.util.Optional.empty();
			}
			run.input = kind;
			return text(text, run, kind == InputKind.JSON ? "assertion JSON" : kind == InputKind.URL ? "URL" : "JWS");
		}
		run.pass(CheckId.INPUT_DETECT, "Input is " + (run.input == InputKind.PDF ? "a PDF certificate."
				: "a " + run.input.json().toUpperCase(Locale.ROOT) + " image."));
		run.imageProblems = extracted.imageProblems();
		if (run.input == InputKind.PDF) {
			run.skip(CheckId.IMAGE_INTEGRITY, "A certificate is not a baked image.");
		}
		else if (extracted.imageProblems().isEmpty()) {
			run.pass(CheckId.IMAGE_INTEGRITY, "The image is intact.");
		}
		else {
			run.fail(CheckId.IMAGE_INTEGRITY, String.join(" ", extracted.imageProblems()));
		}
		if (extracted.failure() != null) {
			run.fail(CheckId.INPUT_EXTRACT, extracted.failure());
			return java.util.Optional.empty();
		}
		InputKind content = classify(extracted.content());
		if (content == InputKind.UNKNOWN) {
			run.fail(CheckId.INPUT_EXTRACT, "The embedded content is neither assertion JSON, a JWS nor a URL.");
			return java.util.Optional.empty();
		}
		run.pass(CheckId.INPUT_EXTRACT, "Found " + (content == InputKind.JSON ? "assertion JSON"
				: content == InputKind.URL ? "an assertion URL" : "a signed assertion (JWS)") + " in the "
				+ (run.input == InputKind.PDF ? "certificate." : "image."));
		return java.util.Optional.of(extracted.content());
	}

	private static InputKind classify(String text) {
		String t = text.strip();
		if (t.startsWith("{") || t.startsWith("[")) {
			return InputKind.JSON;
		}
		String lower = t.toLowerCase(Locale.ROOT);
		if ((lower.startsWith("https://") || lower.startsWith("http://")) && !t.contains(" ")) {
			return InputKind.URL;
		}
		if (JWS.matcher(t).matches()) {
			return InputKind.JWS;
		}
		return InputKind.UNKNOWN;
	}

	// ---- the badge content: URL, JSON or JWS --------------------------------------------------------------------

	private Mono<Void> start(String content, Run run) {
		InputKind kind = classify(content);
		if (run.input == InputKind.URL && kind != InputKind.URL) {
			run.fail(CheckId.INPUT_DETECT, "The URL is not an http(s) URL.");
			return Mono.empty();
		}
		if (run.input == InputKind.JWS && kind != InputKind.JWS) {
			run.fail(CheckId.JWS_FORMAT, "A compact JWS has three base64url parts separated by dots.");
			return Mono.empty();
		}
		switch (kind) {
			case URL -> {
				run.skip(CheckId.JWS_FORMAT, "Not a JWS.");
				return fetchAssertion(content, run);
			}
			case JWS -> {
				JsonNode payload = jws(content, run);
				return payload == null ? Mono.empty() : document(payload, run);
			}
			default -> {
				run.skip(CheckId.JWS_FORMAT, "Not a JWS.");
				JsonNode node = parse(content, run, "The assertion");
				return node == null ? Mono.empty() : document(node, run);
			}
		}
	}

	private Mono<Void> fetchAssertion(String url, Run run) {
		run.current = CheckId.ASSERTION_RETRIEVAL;
		URI uri = Nodes.uri(url);
		if (uri == null || !Nodes.isHttp(url)) {
			run.fail(CheckId.INPUT_DETECT, "The URL is not an http(s) URL.");
			return Mono.empty();
		}
		return fetch(uri, run).flatMap(fetched -> {
			run.retrievedFromUrl = true;
			if (fetched.body() == null || fetched.gone()) {
				run.pass(CheckId.ASSERTION_RETRIEVAL, "Retrieved " + url + ": 410 Gone.");
				return revokedHosted(fetched, run);
			}
			run.pass(CheckId.ASSERTION_RETRIEVAL, "Retrieved the assertion from " + url + ".");
			run.pass(CheckId.DOCUMENT_JSON, "The assertion is a JSON object.");
			return document(fetched.body(), run);
		}).onErrorResume(FetchFailure.class, failure -> {
			run.fail(CheckId.ASSERTION_RETRIEVAL, failure.getMessage());
			return Mono.empty();
		});
	}

	private JsonNode jws(String compact, Run run) {
		run.current = CheckId.JWS_FORMAT;
		String[] parts = compact.split("\\.", -1);
		JsonNode header;
		try {
			header = json.readTree(Base64.getUrlDecoder().decode(parts[0]));
		}
		catch (IllegalArgumentException | JacksonException ex) {
			run.fail(CheckId.JWS_FORMAT, "The JWS header is not base64url-encoded JSON.");
			return null;
		}
		if (header == null || !header.isObject() || Nodes.text(header, "alg") == null) {
			run.fail(CheckId.JWS_FORMAT, "The JWS header is not a JSON object with an alg.");
			return null;
		}
		run.jws = parts;
		run.jwsHeader = header;
		run.pass(CheckId.JWS_FORMAT, "A compact JWS (alg " + Nodes.text(header, "alg") + ").");
		String payload;
		try {
			payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			run.fail(CheckId.DOCUMENT_JSON, "The JWS payload is not base64url-encoded.");
			return null;
		}
		return parse(payload, run, "The JWS payload");
	}

	private JsonNode parse(String text, Run run, String what) {
		run.current = CheckId.DOCUMENT_JSON;
		try {
			JsonNode node = json.readTree(text);
			if (node == null || !node.isObject()) {
				run.fail(CheckId.DOCUMENT_JSON, what + " is not a JSON object.");
				return null;
			}
			run.pass(CheckId.DOCUMENT_JSON, what + " is a JSON object.");
			return node;
		}
		catch (JacksonException ex) {
			run.fail(CheckId.DOCUMENT_JSON, what + " is not valid JSON.");
			return null;
		}
	}

	// ---- documents ---------------------------------------------------------------------------------------------

	private Mono<Void> document(JsonNode node, Run run) {
		run.current = CheckId.JSONLD_CONTEXT;
		context(node, run, "The document");
		run.current = CheckId.JSONLD_TYPES;
		types(node, run, "The document");
		List<String> types = Nodes.types(node);
		if (types.contains("Assertion")) {
			run.kind = "Assertion";
			return assertion(node, run);
		}
		if (types.contains("BadgeClass")) {
			run.kind = "BadgeClass";
			run.badge = node;
			run.current = CheckId.BADGE_STRUCTURE;
			badgeStructure(node, run);
			return issuerOf(node, run).then(Mono.fromRunnable(() -> notApplicable(run, "The document is a BadgeClass.")));
		}
		if (types.contains("Issuer") || types.contains("Profile")) {
			run.kind = types.contains("Issuer") ? "Issuer" : "Profile";
			run.issuer = node;
			run.current = CheckId.ISSUER_STRUCTURE;
			issuerStructure(node, run);
			notApplicable(run, "The document is an issuer Profile.");
			return Mono.empty();
		}
		run.kind = types.isEmpty() ? null : types.get(0);
		if (types.isEmpty()) {
			run.fail(CheckId.ASSERTION_STRUCTURE, "The document has no type; an assertion has type Assertion.");
		}
		notApplicable(run, "The document is not an Assertion.");
		return Mono.empty();
	}

	private void notApplicable(Run run, String why) {
		for (CheckId id : List.of(CheckId.ASSERTION_STRUCTURE, CheckId.ASSERTION_RETRIEVAL, CheckId.HOSTED_SCOPE,
				CheckId.SIGNATURE_ALGORITHM, CheckId.SIGNATURE_KEY, CheckId.SIGNATURE_VALID, CheckId.REVOCATION,
				CheckId.DATES, CheckId.EXPIRY, CheckId.RECIPIENT_MATCH)) {
			if (!run.recorded(id)) {
				run.skip(id, why);
			}
		}
	}

	private void context(JsonNode node, Run run, String what) {
		JsonNode context = node.get("@context");
		if (context == null) {
			run.fail(CheckId.JSONLD_CONTEXT, what + " has no @context.");
			return;
		}
		if (isV2(context)) {
			run.pass(CheckId.JSONLD_CONTEXT, "The Open Badges v2 context.");
			return;
		}
		if (context.isArray()) {
			for (JsonNode entry : context) {
				if (isV2(entry)) {
					run.pass(CheckId.JSONLD_CONTEXT, "The Open Badges v2 context, with extensions.");
					return;
				}
			}
		}
		run.fail(CheckId.JSONLD_CONTEXT, what + " does not use the Open Badges v2 context (" + Conventions.CONTEXT_V2
				+ ").");
	}

	/** The v2 context by URL, or written out inline (it maps the {@code obi} prefix to the OB vocabulary). */
	private static boolean isV2(JsonNode context) {
		if (context.isString()) {
			return V2_CONTEXTS.contains(context.asString());
		}
		return context.isObject() && OB_VOCABULARY.equals(Nodes.text(context, "obi"));
	}

	private void types(JsonNode node, Run run, String what) {
		List<String> problems = new ArrayList<>();
		collectTypes(node, problems, 0, false, false);
		if (problems.isEmpty()) {
			if (!run.failed(CheckId.JSONLD_TYPES)) {
				run.pass(CheckId.JSONLD_TYPES, "Every type is an Open Badges class or an extension IRI.");
			}
		}
		else {
			run.fail(CheckId.JSONLD_TYPES, what + ": " + String.join(" ", problems.stream().limit(5).toList()));
		}
	}

	/**
	 * {@code lenient} below a node whose @context adds an extension context: its terms are defined there (and
	 * fetching every extension context is not something a verifier on the request path should do).
	 */
	private void collectTypes(JsonNode node, List<String> problems, int depth, boolean identity, boolean lenient) {
		if (depth > MAX_DEPTH) {
			problems.add("The document nests deeper than " + MAX_DEPTH + " levels.");
			return;
		}
		if (node.isArray()) {
			for (JsonNode item : node) {
				collectTypes(item, problems, depth + 1, identity, lenient);
			}
			return;
		}
		if (!node.isObject()) {
			return;
		}
		JsonNode ownContext = node.get("@context");
		boolean extended = lenient || (ownContext != null && extendsV2(ownContext));
		JsonNode type = node.get("type");
		// an IdentityObject's type names the identity property (email, url, telephone), not a class
		if (type != null && !identity) {
			if (type.isArray() && type.isEmpty()) {
				problems.add("A type is an empty list.");
			}
			List<JsonNode> values = type.isArray() ? List.copyOf(type.values()) : List.of(type);
			for (JsonNode value : values) {
				if (!value.isString()) {
					problems.add("A type is not a string.");
				}
				else if (!extended && !KNOWN_TYPES.contains(value.asString()) && !Nodes.isIri(value.asString())) {
					problems.add("\"" + abbreviate(value.asString()) + "\" is not an Open Badges class.");
				}
			}
		}
		for (var property : node.properties()) {
			if (!property.getKey().equals("@context")) {
				collectTypes(property.getValue(), problems, depth + 1, property.getKey().equals("recipient"), extended);
			}
		}
	}

	/** A context that is not (only) the v2 context: an extension's, or v2 plus others. */
	private static boolean extendsV2(JsonNode context) {
		if (context.isArray()) {
			for (JsonNode entry : context) {
				if (!isV2(entry)) {
					return true;
				}
			}
			return false;
		}
		return !isV2(context);
	}

	// ---- assertion ---------------------------------------------------------------------------------------------

	private Mono<Void> assertion(JsonNode given, Run run) {
		run.assertion = given;
		String verificationType = verificationType(given);
		run.verificationType = verificationType;
		boolean signed = "signed".equals(verificationType);
		Mono<Boolean> retrieved;
		if (signed) {
			run.skip(CheckId.ASSERTION_RETRIEVAL, "A signed assertion is verified from its JWS, not retrieved.");
			run.skip(CheckId.HOSTED_SCOPE, "A signed assertion is checked with the issuer's key instead.");
			retrieved = Mono.just(true);
		}
		else {
			run.skip(CheckId.SIGNATURE_ALGORITHM, "A hosted assertion is not signed.");
			run.skip(CheckId.SIGNATURE_KEY, "A hosted assertion is not signed.");
			run.skip(CheckId.SIGNATURE_VALID, "A hosted assertion is not signed.");
			if (run.jws != null && verificationType != null) {
				run.warn(CheckId.CONSISTENCY, "The JWS carries a hosted assertion; its hosted copy is what counts.");
			}
			retrieved = run.retrievedFromUrl ? Mono.just(true) : retrieveHosted(given, run);
		}
		return retrieved.flatMap(ok -> {
			if (!ok) {
				return Mono.empty();
			}
			JsonNode assertion = run.assertion;
			run.current = CheckId.ASSERTION_STRUCTURE;
			assertionStructure(assertion, verificationType, run);
			if (signed && run.jws == null) {
				run.fail(CheckId.SIGNATURE_VALID,
						"The assertion declares signed verification but was given without its JWS.");
			}
			return badgeOf(assertion, run).flatMap(badge -> issuerOf(badge, run).flatMap(issuer -> {
				run.current = CheckId.HOSTED_SCOPE;
				if (!signed) {
					hostedScope(assertion, issuer, run);
				}
				return (signed && run.jws != null ? signature(assertion, issuer, run) : Mono.<Void>empty())
					.then(Mono.defer(() -> signed ? revocationList(assertion, issuer, run) : hostedRevocation(run)));
			})).then(Mono.fromRunnable(() -> {
				run.current = CheckId.DATES;
				dates(assertion, run);
				run.current = CheckId.RECIPIENT_MATCH;
				recipient(assertion, run);
			}));
		});
	}

	private static String verificationType(JsonNode assertion) {
		JsonNode verification = assertion.get("verification");
		if (verification == null) {
			verification = assertion.get("verify");
		}
		List<String> types = Nodes.types(verification);
		if (types.contains("signed") || types.contains("SignedBadge")) {
			return "signed";
		}
		if (types.contains("hosted") || types.contains("HostedBadge")) {
			return "hosted";
		}
		return null;
	}

	/** Spec: with a hosted assertion in hand, only trust it to name its URL; the retrieved copy is the assertion. */
	private Mono<Boolean> retrieveHosted(JsonNode given, Run run) {
		run.current = CheckId.ASSERTION_RETRIEVAL;
		String id = Nodes.text(given, "id");
		if (!Nodes.isHttp(id)) {
			run.fail(CheckId.ASSERTION_RETRIEVAL, "A hosted assertion needs an http(s) id to be retrieved from.");
			return Mono.just(true);
		}
		return fetch(URI.create(id), run).map(fetched -> {
			if (fetched.body() == null || fetched.gone() || revokedBody(fetched.body())) {
				run.pass(CheckId.ASSERTION_RETRIEVAL, "Retrieved " + id + (fetched.gone() ? ": 410 Gone." : "."));
				run.revoked = true;
				run.revocationReason = fetched.body() == null ? null : Nodes.text(fetched.body(), "revocationReason");
				return true;
			}
			JsonNode hosted = fetched.body();
			if (!id.equals(Nodes.text(hosted, "id"))) {
				run.fail(CheckId.CONSISTENCY, "The document at " + id + " is not this assertion (its id is "
						+ abbreviate(String.valueOf(Nodes.text(hosted, "id"))) + ").");
			}
			context(hosted, run, "The hosted assertion");
			types(hosted, run, "The hosted assertion");
			run.pass(CheckId.ASSERTION_RETRIEVAL, "Retrieved the hosted assertion from " + id + ".");
			run.assertion = hosted;
			return true;
		}).onErrorResume(FetchFailure.class, failure -> {
			run.fail(CheckId.ASSERTION_RETRIEVAL, failure.getMessage());
			return Mono.just(true);
		});
	}

	private Mono<Void> revokedHosted(Fetched fetched, Run run) {
		run.revoked = true;
		run.revocationReason = fetched.body() == null ? null : Nodes.text(fetched.body(), "revocationReason");
		run.kind = "Assertion";
		run.verificationType = "hosted";
		return hostedRevocation(run);
	}

	private static boolean revokedBody(JsonNode body) {
		JsonNode revoked = body.get("revoked");
		return revoked != null && revoked.isBoolean() && revoked.booleanValue();
	}

	private Mono<Void> hostedRevocation(Run run) {
		run.current = CheckId.REVOCATION;
		if (run.revoked) {
			run.fail(CheckId.REVOCATION, "The issuer has revoked this badge"
					+ (run.revocationReason == null ? "." : ": " + run.revocationReason));
		}
		else if (!run.failed(CheckId.ASSERTION_RETRIEVAL)) {
			run.pass(CheckId.REVOCATION, "The hosted assertion is not revoked.");
		}
		return Mono.empty();
	}

	private void assertionStructure(JsonNode a, String verificationType, Run run) {
		CheckId check = CheckId.ASSERTION_STRUCTURE;
		List<String> problems = new ArrayList<>();
		String id = Nodes.text(a, "id");
		if (!Nodes.isIri(id)) {
			problems.add("id must be an IRI.");
		}
		JsonNode recipient = a.get("recipient");
		if (recipient == null || !recipient.isObject()) {
			problems.add("recipient must be an IdentityObject.");
		}
		else {
			String identity = Nodes.text(recipient, "identity");
			if (Nodes.text(recipient, "type") == null || identity == null) {
				problems.add("recipient needs a type and an identity.");
			}
			JsonNode hashed = recipient.get("hashed");
			if (hashed != null && !hashed.isBoolean()) {
				problems.add("recipient.hashed must be a boolean.");
			}
			else if (hashed != null && hashed.booleanValue() && identity != null
					&& !HASH.matcher(identity).matches()) {
				problems.add("A hashed identity is written algorithm$hex (sha256 or md5).");
			}
		}
		JsonNode badge = a.get("badge");
		if (badge == null || (!badge.isString() && !badge.isObject()) || !Nodes.isIri(Nodes.iri(badge))) {
			problems.add("badge must be the IRI of a BadgeClass or a BadgeClass.");
		}
		if (verificationType == null) {
			problems.add("verification must say hosted or signed.");
		}
		if (Nodes.dateTime(Nodes.text(a, "issuedOn")) == null) {
			problems.add("issuedOn must be an ISO 8601 date-time.");
		}
		if (a.has("expires") && Nodes.dateTime(Nodes.text(a, "expires")) == null) {
			problems.add("expires must be an ISO 8601 date-time.");
		}
		JsonNode image = a.get("image");
		if (image != null) {
			String imageIri = Nodes.iri(image);
			// spec "Assertion": image is an IRI of a baked image; data URIs belong only in a BadgeClass
			if (imageIri == null || !Nodes.isIri(imageIri) || imageIri.startsWith("data:")) {
				problems.add("image of an assertion must be an http(s) IRI, not embedded data.");
			}
		}
		if (problems.isEmpty()) {
			run.pass(check, "The assertion has its required properties.");
		}
		else {
			run.fail(check, String.join(" ", problems));
		}
	}

	// ---- badge class and issuer --------------------------------------------------------------------------------

	private Mono<JsonNode> badgeOf(JsonNode assertion, Run run) {
		run.current = CheckId.BADGE_RETRIEVAL;
		return node(assertion.get("badge"), CheckId.BADGE_RETRIEVAL, "badge class", run).map(badge -> {
			run.badge = badge;
			run.current = CheckId.BADGE_STRUCTURE;
			badgeStructure(badge, run);
			return badge;
		});
	}

	private Mono<JsonNode> issuerOf(JsonNode badge, Run run) {
		run.current = CheckId.ISSUER_RETRIEVAL;
		return node(badge.get("issuer"), CheckId.ISSUER_RETRIEVAL, "issuer profile", run).map(issuer -> {
			run.issuer = issuer;
			run.current = CheckId.ISSUER_STRUCTURE;
			issuerStructure(issuer, run);
			return issuer;
		});
	}

	/** A linked document: retrieved when given as an IRI (or an object with only an id), else embedded. */
	private Mono<JsonNode> node(JsonNode reference, CheckId check, String what, Run run) {
		if (reference == null || (!reference.isString() && !reference.isObject())) {
			run.fail(check, "No " + what + " is named.");
			return Mono.empty();
		}
		if (reference.isObject() && reference.size() > 1) {
			run.pass(check, "The " + what + " is embedded.");
			if (reference.has("@context")) {
				context(reference, run, "The embedded " + what);
			}
			return Mono.just(reference);
		}
		String iri = Nodes.iri(reference);
		if (!Nodes.isHttp(iri)) {
			run.fail(check, "The " + what + " is named by " + abbreviate(String.valueOf(iri))
					+ ", which is not an http(s) URL that could be retrieved.");
			return Mono.empty();
		}
		return fetch(URI.create(iri), run).flatMap(fetched -> {
			if (fetched.body() == null) {
				run.fail(check, iri + " answered 410 Gone.");
				return Mono.<JsonNode>empty();
			}
			JsonNode document = fetched.body();
			run.pass(check, "Retrieved the " + what + " from " + iri + ".");
			context(document, run, "The " + what);
			types(document, run, "The " + what);
			String id = Nodes.text(document, "id");
			if (id != null && !id.equals(iri)) {
				// spec "Data Validation": redirects are allowed; a different id is worth a look, not a refusal
				run.warn(CheckId.CONSISTENCY, "The " + what + " retrieved from " + iri + " calls itself "
						+ abbreviate(id) + ".");
			}
			return Mono.just(document);
		}).onErrorResume(FetchFailure.class, failure -> {
			run.fail(check, failure.getMessage());
			return Mono.empty();
		});
	}

	private void badgeStructure(JsonNode b, Run run) {
		CheckId check = CheckId.BADGE_STRUCTURE;
		List<String> problems = new ArrayList<>();
		if (!Nodes.hasType(b, "BadgeClass")) {
			problems.add("The badge's type is not BadgeClass.");
		}
		if (!Nodes.isIri(Nodes.text(b, "id"))) {
			problems.add("id must be an IRI.");
		}
		if (Nodes.text(b, "name") == null) {
			problems.add("name is required.");
		}
		if (Nodes.text(b, "description") == null) {
			problems.add("description is required.");
		}
		JsonNode criteria = b.get("criteria");
		if (criteria == null || !(criteria.isString() || criteria.isObject())) {
			problems.add("criteria must be a URL or a Criteria object.");
		}
		JsonNode issuer = b.get("issuer");
		if (issuer == null || !Nodes.isIri(Nodes.iri(issuer))) {
			problems.add("issuer must be the IRI of a Profile or a Profile.");
		}
		JsonNode image = b.get("image");
		if (image != null && !Nodes.isIri(Nodes.iri(image))) {
			problems.add("image must be an IRI, a data URI or an Image object.");
		}
		if (!problems.isEmpty()) {
			run.fail(check, String.join(" ", problems));
		}
		else if (image == null) {
			run.warn(check, "The badge class has no image.");
		}
		else {
			run.pass(check, "The badge class has its required properties.");
		}
	}

	private void issuerStructure(JsonNode i, Run run) {
		CheckId check = CheckId.ISSUER_STRUCTURE;
		List<String> problems = new ArrayList<>();
		if (!Nodes.hasType(i, "Issuer", "Profile")) {
			problems.add("The issuer's type is not Issuer or Profile (it is " + Nodes.types(i) + ").");
		}
		String id = Nodes.text(i, "id");
		if (!Nodes.isIri(id)) {
			problems.add("id must be an IRI.");
		}
		if (Nodes.text(i, "name") == null) {
			problems.add("name is required.");
		}
		if (!problems.isEmpty()) {
			run.fail(check, String.join(" ", problems));
			return;
		}
		if (!Nodes.isHttp(id)) {
			run.warn(check, "The issuer's id (" + abbreviate(id) + ") is not an http(s) URL.");
		}
		if (Nodes.text(i, "url") == null || Nodes.text(i, "email") == null) {
			run.warn(check, "An issuer profile should give a url and an email.");
		}
		run.pass(check, "The issuer profile has its required properties.");
	}

	// ---- hosted scope ------------------------------------------------------------------------------------------

	/** Spec "HostedBadge Verification" and "VerificationObject": startsWith, allowedOrigins, else the same host. */
	private void hostedScope(JsonNode assertion, JsonNode issuer, Run run) {
		CheckId check = CheckId.HOSTED_SCOPE;
		String id = Nodes.text(assertion, "id");
		if (!Nodes.isHttp(id)) {
			run.fail(check, "A hosted assertion's id must be an http(s) URL.");
			return;
		}
		JsonNode policy = issuer.get("verification");
		List<String> startsWith = Nodes.texts(policy, "startsWith");
		List<String> origins = Nodes.texts(policy, "allowedOrigins");
		if (!startsWith.isEmpty()) {
			if (startsWith.stream().anyMatch(id::startsWith)) {
				run.pass(check, "The assertion's id starts with a prefix the issuer allows.");
			}
			else {
				run.fail(check, "The assertion's id does not start with any prefix the issuer allows "
						+ startsWith.stream().map(Verifier::abbreviate).toList() + ".");
			}
			return;
		}
		String host = Nodes.host(id);
		if (!origins.isEmpty()) {
			if (origins.stream().anyMatch(o -> o.equalsIgnoreCase(host))) {
				run.pass(check, "The assertion is hosted on an origin the issuer allows.");
			}
			else {
				run.fail(check, "The assertion is hosted on " + host + ", not on an origin the issuer allows.");
			}
			return;
		}
		String issuerId = Nodes.text(issuer, "id");
		if (!Nodes.isHttp(issuerId)) {
			run.warn(check, "The issuer's id is not an http(s) URL, so the assertion's origin cannot be compared.");
			return;
		}
		if (host != null && host.equals(Nodes.host(issuerId))) {
			run.pass(check, "The assertion is hosted on the issuer's origin (" + host + ").");
		}
		else {
			run.fail(check, "The assertion is hosted on " + host + " but the issuer is " + Nodes.host(issuerId) + ".");
		}
	}

	// ---- signature ---------------------------------------------------------------------------------------------

	private Mono<Void> signature(JsonNode assertion, JsonNode issuer, Run run) {
		run.current = CheckId.SIGNATURE_ALGORITHM;
		String alg = Nodes.text(run.jwsHeader, "alg");
		if (!"RS256".equals(alg)) {
			run.fail(CheckId.SIGNATURE_ALGORITHM, "alg " + abbreviate(String.valueOf(alg))
					+ " is refused: Open Badges signatures are verified with RS256 only.");
			run.skip(CheckId.SIGNATURE_KEY, "The algorithm is refused.");
			run.skip(CheckId.SIGNATURE_VALID, "The algorithm is refused.");
			return Mono.empty();
		}
		if (run.jwsHeader.has("crit")) {
			run.fail(CheckId.SIGNATURE_ALGORITHM, "The JWS header lists critical extensions this verifier does not "
					+ "understand.");
			return Mono.empty();
		}
		boolean headerKeys = run.jwsHeader.has("jwk") || run.jwsHeader.has("jku") || run.jwsHeader.has("x5u")
				|| run.jwsHeader.has("x5c");
		run.pass(CheckId.SIGNATURE_ALGORITHM, "RS256." + (headerKeys
				? " Keys carried in the JWS header are ignored: only keys the issuer lists are used." : ""));
		run.current = CheckId.SIGNATURE_KEY;
		String issuerId = Nodes.text(issuer, "id");
		List<JsonNode> listed = new ArrayList<>();
		JsonNode publicKey = issuer.get("publicKey");
		if (publicKey != null) {
			if (publicKey.isArray()) {
				publicKey.forEach(listed::add);
			}
			else {
				listed.add(publicKey);
			}
		}
		Set<String> listedIds = new LinkedHashSet<>();
		listed.forEach(k -> {
			String iri = Nodes.iri(k);
			if (iri != null) {
				listedIds.add(iri);
			}
		});
		JsonNode verification = assertion.get("verification");
		String creator = verification == null ? null : Nodes.iri(verification.get("creator"));
		if (listedIds.isEmpty()) {
			run.fail(CheckId.SIGNATURE_KEY, "The issuer profile lists no publicKey, so no key can be trusted.");
			return Mono.empty();
		}
		if (creator != null && !listedIds.contains(creator)) {
			run.fail(CheckId.SIGNATURE_KEY, "The assertion names key " + abbreviate(creator)
					+ ", which the issuer profile does not list.");
			return Mono.empty();
		}
		List<String> candidates = creator != null ? List.of(creator) : listedIds.stream().limit(3).toList();
		return reactor.core.publisher.Flux.fromIterable(candidates)
			.concatMap(keyId -> key(keyId, listed, run).map(key -> new KeyCandidate(keyId, key)))
			.collectList()
			// PEM parsing and RSA verification are CPU work: off the event loop
			.publishOn(Schedulers.boundedElastic())
			.doOnNext(keys -> {
				List<String> problems = new ArrayList<>();
				List<KeyCandidate> usable = new ArrayList<>();
				for (KeyCandidate candidate : keys) {
					String problem = keyProblem(candidate.document(), issuerId);
					if (problem == null) {
						usable.add(candidate);
					}
					else {
						problems.add(abbreviate(candidate.id()) + ": " + problem);
					}
				}
				if (usable.isEmpty()) {
					if (!run.failed(CheckId.SIGNATURE_KEY)) {
						run.fail(CheckId.SIGNATURE_KEY, problems.isEmpty() ? "No usable key could be retrieved."
								: String.join(" ", problems));
					}
					run.skip(CheckId.SIGNATURE_VALID, "No usable key.");
					return;
				}
				run.pass(CheckId.SIGNATURE_KEY, "An RSA key the issuer lists and owns.");
				run.current = CheckId.SIGNATURE_VALID;
				for (KeyCandidate candidate : usable) {
					if (verifies(run.jws, rsa(Nodes.text(candidate.document(), "publicKeyPem")))) {
						run.pass(CheckId.SIGNATURE_VALID, "The signature verifies with " + abbreviate(candidate.id())
								+ ".");
						return;
					}
				}
				run.fail(CheckId.SIGNATURE_VALID, "The signature does not verify with the issuer's key: the assertion "
						+ "or its header was changed after signing, or another key signed it.");
			})
			.then();
	}

	/** The key document: embedded in the profile when written out there, else retrieved. */
	private Mono<JsonNode> key(String keyId, List<JsonNode> listed, Run run) {
		for (JsonNode entry : listed) {
			if (entry.isObject() && keyId.equals(Nodes.text(entry, "id")) && entry.has("publicKeyPem")) {
				return Mono.just(entry);
			}
		}
		if (!Nodes.isHttp(keyId)) {
			run.fail(CheckId.SIGNATURE_KEY, "Key " + abbreviate(keyId) + " is not an http(s) URL.");
			return Mono.empty();
		}
		return fetch(URI.create(keyId), run).flatMap(f -> Mono.justOrEmpty(f.body()))
			.onErrorResume(FetchFailure.class, failure -> {
				run.fail(CheckId.SIGNATURE_KEY, failure.getMessage());
				return Mono.empty();
			});
	}

	private static String keyProblem(JsonNode key, String issuerId) {
		if (!Nodes.hasType(key, "CryptographicKey") && !Nodes.types(key).isEmpty()) {
			return "not a CryptographicKey.";
		}
		String owner = Nodes.iri(key.get("owner"));
		if (owner == null || !owner.equals(issuerId)) {
			return "owned by " + abbreviate(String.valueOf(owner)) + ", not by the issuer.";
		}
		if (key.has("revoked") && !key.get("revoked").isNull()) {
			return "revoked by its owner.";
		}
		RSAPublicKey rsa = rsa(Nodes.text(key, "publicKeyPem"));
		if (rsa == null) {
			return "publicKeyPem is not an RSA public key.";
		}
		if (rsa.getModulus().bitLength() < 2048) {
			return "the RSA key is shorter than 2048 bits.";
		}
		return null;
	}

	private static RSAPublicKey rsa(String pem) {
		if (pem == null || pem.length() > 20_000) {
			return null;
		}
		RSAPublicKey known = PARSED_KEYS.get(pem);
		if (known != null) {
			return known;
		}
		RSAPublicKey parsed = parse(pem);
		if (parsed != null) {
			if (PARSED_KEYS.size() >= 1000) {
				PARSED_KEYS.clear();
			}
			PARSED_KEYS.put(pem, parsed);
		}
		return parsed;
	}

	private static RSAPublicKey parse(String pem) {
		try {
			String base64 = pem.replaceAll("-----(BEGIN|END) (RSA )?PUBLIC KEY-----", "").replaceAll("\\s", "");
			byte[] der = Base64.getDecoder().decode(base64);
			return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
		}
		catch (Exception ex) {
			return null;
		}
	}

	private static boolean verifies(String[] jws, RSAPublicKey key) {
		try {
			JWSObject object = new JWSObject(new Base64URL(jws[0]), new Base64URL(jws[1]), new Base64URL(jws[2]));
			return object.verify(new RSASSAVerifier(key));
		}
		catch (Exception ex) {
			return false;
		}
	}

	// ---- revocation, dates, recipient --------------------------------------------------------------------------

	private Mono<Void> revocationList(JsonNode assertion, JsonNode issuer, Run run) {
		run.current = CheckId.REVOCATION;
		String listUrl = Nodes.iri(issuer.get("revocationList"));
		if (listUrl == null) {
			run.pass(CheckId.REVOCATION, "The issuer publishes no revocation list.");
			return Mono.empty();
		}
		if (!Nodes.isHttp(listUrl)) {
			run.fail(CheckId.REVOCATION, "The revocation list is not at an http(s) URL.");
			return Mono.empty();
		}
		String id = Nodes.text(assertion, "id");
		String uid = Nodes.text(assertion, "uid");
		return fetch(URI.create(listUrl), run).doOnNext(fetched -> {
			JsonNode list = fetched.body();
			if (list == null || !Nodes.hasType(list, "RevocationList")) {
				run.fail(CheckId.REVOCATION, "The issuer's revocation list is not a RevocationList.");
				return;
			}
			JsonNode revoked = list.get("revokedAssertions");
			if (revoked != null) {
				List<JsonNode> entries = revoked.isArray() ? List.copyOf(revoked.values()) : List.of(revoked);
				for (JsonNode entry : entries) {
					String entryId = entry.isString() ? entry.asString() : Nodes.text(entry, "id");
					String entryUid = Nodes.text(entry, "uid");
					if ((id != null && id.equals(entryId)) || (uid != null && uid.equals(entryUid))) {
						run.revoked = true;
						run.revocationReason = Nodes.text(entry, "revocationReason");
						run.fail(CheckId.REVOCATION, "The issuer has revoked this badge"
								+ (run.revocationReason == null ? "." : ": " + run.revocationReason));
						return;
					}
				}
			}
			run.pass(CheckId.REVOCATION, "The badge is not in the issuer's revocation list.");
		}).onErrorResume(FetchFailure.class, failure -> {
			run.fail(CheckId.REVOCATION, "The revocation list could not be retrieved: " + failure.getMessage());
			return Mono.empty();
		}).then();
	}

	private void dates(JsonNode assertion, Run run) {
		Instant issued = Nodes.dateTime(Nodes.text(assertion, "issuedOn"));
		Instant expires = Nodes.dateTime(Nodes.text(assertion, "expires"));
		Instant now = clock.instant();
		if (issued == null) {
			run.fail(CheckId.DATES, "The assertion has no readable issuedOn.");
		}
		else if (issued.isAfter(now.plus(SKEW))) {
			run.fail(CheckId.DATES, "The assertion is issued in the future (" + issued + ").");
		}
		else if (expires != null && expires.isBefore(issued)) {
			run.fail(CheckId.DATES, "The assertion expires (" + expires + ") before it was issued (" + issued + ").");
		}
		else {
			run.pass(CheckId.DATES, "Issued " + issued + ".");
		}
		if (expires == null) {
			run.pass(CheckId.EXPIRY, "The badge does not expire.");
		}
		else if (!expires.isAfter(now)) {
			run.fail(CheckId.EXPIRY, "The badge expired on " + expires + ".");
		}
		else {
			run.pass(CheckId.EXPIRY, "The badge is current until " + expires + ".");
		}
	}

	private void recipient(JsonNode assertion, Run run) {
		if (run.recipient == null) {
			run.skip(CheckId.RECIPIENT_MATCH, "No recipient was given to compare.");
			return;
		}
		JsonNode recipient = assertion.get("recipient");
		String identity = Nodes.text(recipient, "identity");
		if (identity == null) {
			run.fail(CheckId.RECIPIENT_MATCH, "The assertion names no recipient identity.");
			run.recipientMatched = false;
			return;
		}
		JsonNode hashedNode = recipient.get("hashed");
		boolean hashed = hashedNode != null && hashedNode.isBoolean() && hashedNode.booleanValue();
		String salt = Nodes.text(recipient, "salt");
		boolean matched = matches(run.recipient, identity, hashed, salt == null ? "" : salt)
				|| matches(run.recipient.toLowerCase(Locale.ROOT), identity, hashed, salt == null ? "" : salt);
		run.recipientMatched = matched;
		if (matched) {
			run.pass(CheckId.RECIPIENT_MATCH, "The badge was awarded to " + run.recipient + ".");
		}
		else {
			run.fail(CheckId.RECIPIENT_MATCH, "The badge was not awarded to " + run.recipient + ".");
		}
	}

	/** Spec "IdentityObject": identity is the value itself, or algorithm$hex of hash(value + salt). */
	static boolean matches(String candidate, String identity, boolean hashed, String salt) {
		if (!hashed) {
			return identity.equalsIgnoreCase(candidate);
		}
		var hash = HASH.matcher(identity);
		if (!hash.matches()) {
			return false;
		}
		try {
			String algorithm = hash.group(1).equals("sha256") ? "SHA-256" : "MD5";
			byte[] digest = MessageDigest.getInstance(algorithm)
				.digest((candidate + salt).getBytes(StandardCharsets.UTF_8));
			return MessageDigest.isEqual(HexFormat.of().formatHex(digest).getBytes(StandardCharsets.US_ASCII),
					hash.group(2).toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	// ---- fetching and the report -------------------------------------------------------------------------------

	private Mono<Fetched> fetch(URI url, Run run) {
		if (++run.fetches > MAX_FETCHES) {
			return Mono.error(new FetchFailure(FetchFailure.Reason.BUSY,
					"This badge links to more documents than one verification retrieves (" + MAX_FETCHES + ")."));
		}
		return documents.fetch(url);
	}

	private Report report(Run run) {
		List<Check> checks = run.checks("Not reached: an earlier check failed.");
		boolean valid = checks.stream().noneMatch(c -> c.outcome() == Outcome.FAILED)
				&& checks.stream().anyMatch(c -> c.outcome() == Outcome.PASSED);
		return Summaries.report(valid, run, checks);
	}

	static String abbreviate(String value) {
		return value.length() > 120 ? value.substring(0, 117) + "..." : value;
	}

	private record KeyCandidate(String id, JsonNode document) {
	}

}
