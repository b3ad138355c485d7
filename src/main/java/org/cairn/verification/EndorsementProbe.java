package org.cairn.verification;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.cairn.language.Language;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * Endorsements (2.0 spec "Endorsement", 3.0 spec "EndorsementCredential"): those listed on the verified assertion,
 * badge class and issuer (2.0 {@code endorsement} IRIs or embedded objects; 3.0 embedded EndorsementCredentials and
 * {@code endorsementJwt}), each verified on a run of its own, with its own retrieval budget, by the same probes as a
 * badge: a hosted Endorsement is retrieved from its id and must be published on its endorser's origin (or within
 * its verification policy), a signed one's JWS must verify with a key the endorser lists, a 3.0 one's proof with a
 * key the endorser controls; each one is checked against its endorser's revocation list and its dates, and must
 * endorse what it is listed on. An endorsement that fails is reported as not valid; it never changes the badge's
 * own verdict (the endorsement is a third party's claim about the badge, not part of it).
 */
final class EndorsementProbe {

	/** Endorsements verified per badge; more are listed as not checked. */
	static final int MAX_ENDORSEMENTS = 12;

	private final Retrieval retrieval;

	private final DocumentProbe document;

	private final HostedProbe hosted;

	private final SignatureProbe signature;

	private final ClaimsProbe claims;

	private final Ob3Probe ob3;

	EndorsementProbe(Retrieval retrieval, DocumentProbe document, HostedProbe hosted, SignatureProbe signature,
			ClaimsProbe claims, Ob3Probe ob3) {
		this.retrieval = retrieval;
		this.document = document;
		this.hosted = hosted;
		this.signature = signature;
		this.claims = claims;
		this.ob3 = ob3;
	}

	/**
	 * Where an endorsement was listed, the ids it may endorse there (the document it is listed on, and what that
	 * document stands on: an assertion's badge class and issuer, a badge class's issuer; 1EdTech's samples list badge
	 * class endorsements on the assertion), and the endorsement as listed.
	 */
	record Listed(String on, List<String> endorsable, JsonNode value, boolean jwt) {
	}

	/** Every endorsement listed on what the run verified, each verified. */
	Mono<List<Report.EndorsementSummary>> all(Run run, Instant now) {
		List<Listed> listed = new ArrayList<>();
		String assertionId = id(run.assertion);
		String badgeId = id(run.badge);
		String issuerId = id(run.issuer);
		collect(run.assertion, run.ob3 ? "credential" : "assertion", ids(assertionId, badgeId, issuerId), listed);
		collect(run.badge, run.ob3 ? "achievement" : "badge", ids(badgeId, issuerId), listed);
		collect(run.issuer, "issuer", ids(issuerId), listed);
		if (listed.isEmpty() || run.revoked) {
			return Mono.just(List.of());
		}
		return Flux.fromIterable(listed).take(MAX_ENDORSEMENTS).concatMap(l -> one(l, now)).collectList();
	}

	private static String id(JsonNode node) {
		return node == null || !node.isObject() ? null : Nodes.iri(node);
	}

	private static List<String> ids(String... ids) {
		return java.util.Arrays.stream(ids).filter(java.util.Objects::nonNull).toList();
	}

	private static void collect(JsonNode node, String on, List<String> endorsable, List<Listed> into) {
		if (node == null || !node.isObject()) {
			return;
		}
		for (String field : List.of("endorsement", "endorsementJwt")) {
			JsonNode value = node.get(field);
			if (value == null) {
				continue;
			}
			for (JsonNode item : value.isArray() ? value.values() : List.of(value)) {
				into.add(new Listed(on, endorsable, item, field.equals("endorsementJwt")));
			}
		}
	}

	private Mono<Report.EndorsementSummary> one(Listed listed, Instant now) {
		Run sub = new Run(null);
		sub.endorsement = true;
		Mono<Void> steps;
		if (listed.jwt()) {
			JsonNode payload = listed.value().isString() ? document.jws(listed.value().asString(), sub) : null;
			if (payload == null && !sub.recorded(CheckId.JWS_FORMAT)) {
				sub.fail(CheckId.JWS_FORMAT, "An endorsementJwt must be a compact JWS.");
			}
			steps = payload == null ? Mono.empty() : verify(payload, sub, now, false);
		}
		else if (listed.value().isString()) {
			String url = listed.value().asString();
			steps = hosted.retrieve(url, sub).flatMap(body -> {
				if (sub.revoked) {
					sub.assertion = body;
					ClaimsProbe.revoked(sub);
					return Mono.<Void>empty();
				}
				return verify(body, sub, now, true);
			}).switchIfEmpty(Mono.fromRunnable(() -> {
				if (sub.revoked) {
					ClaimsProbe.revoked(sub);
				}
			}));
		}
		else if (listed.value().isObject()) {
			steps = verify(listed.value(), sub, now, false);
		}
		else {
			sub.fail(CheckId.ENDORSEMENT_STRUCTURE, "An endorsement is listed by its URL or as an object.");
			steps = Mono.empty();
		}
		return steps.onErrorResume(ex -> {
			sub.fail(sub.current, "This endorsement could not be checked.");
			return Mono.empty();
		}).then(Mono.fromCallable(() -> {
			claim(listed, sub);
			return summary(listed, sub);
		}));
	}

	/** An endorsement document of either version, given at the top level or listed on a badge. */
	Mono<Void> verify(JsonNode endorsement, Run run, Instant now, boolean retrieved) {
		if (Ob3Probe.isEndorsementCredential(endorsement)) {
			return ob3.verifyEndorsement(endorsement, run, now);
		}
		return endorsement20(endorsement, run, now, retrieved);
	}

	/** A 2.0 Endorsement: hosted (retrieved from its id, on its endorser's origin) or signed (its JWS). */
	private Mono<Void> endorsement20(JsonNode given, Run run, Instant now, boolean retrieved) {
		run.endorsement = true;
		run.kind = "Endorsement";
		run.assertion = given;
		DocumentProbe.context(given, run, "The endorsement");
		DocumentProbe.types(given, run, "The endorsement");
		if (!Nodes.types(given).contains("Endorsement")) {
			run.fail(CheckId.ENDORSEMENT_STRUCTURE, "The document is not an Endorsement.");
			return Mono.empty();
		}
		String type = StructureProbe.verificationType(given);
		run.verificationType = type;
		boolean signed = "signed".equals(type) && run.jws != null;
		Mono<JsonNode> judged;
		if (signed || retrieved) {
			judged = Mono.just(given);
		}
		else {
			// a copy in hand proves nothing: the one its endorser publishes at its id is judged
			judged = hosted.retrieve(Nodes.text(given, "id"), run).map(copy -> {
				run.assertion = copy;
				return copy;
			});
		}
		return judged.flatMap(endorsement -> {
			if (run.revoked) {
				ClaimsProbe.revoked(run);
				return Mono.<Void>empty();
			}
			structure(endorsement, type, run);
			run.current = CheckId.ISSUER_RETRIEVAL;
			return retrieval.linked(endorsement.get("issuer"), CheckId.ISSUER_RETRIEVAL, "endorser's profile", run)
				.flatMap(issuer -> {
					run.issuer = issuer;
					run.current = CheckId.ISSUER_STRUCTURE;
					StructureProbe.issuerStructure(issuer, run);
					run.current = CheckId.HOSTED_SCOPE;
					if (!signed) {
						HostedProbe.scope(run.retrievedFrom != null ? run.retrievedFrom : Nodes.text(endorsement, "id"),
								issuer, run);
					}
					if ("signed".equals(type) && !signed) {
						run.warn(CheckId.SIGNATURE_VALID, "Listed by its URL without its JWS: the copy its endorser "
								+ "publishes at its id was judged instead of the signature.");
					}
					return (signed ? signature.check(endorsement, issuer, run) : Mono.<Void>empty())
						.then(Mono.defer(() -> claims.revocation(endorsement, issuer, run)));
				})
				.then(Mono.fromRunnable(() -> {
					run.current = CheckId.DATES;
					ClaimsProbe.dates(endorsement, now, run);
				}));
		});
	}

	private static void structure(JsonNode e, String type, Run run) {
		List<String> missing = new ArrayList<>();
		JsonNode claim = e.get("claim");
		if (claim == null || !claim.isObject() || Nodes.iri(claim) == null) {
			missing.add("claim with the id of what is endorsed");
		}
		if (e.get("issuer") == null || Nodes.iri(e.get("issuer")) == null) {
			missing.add("issuer");
		}
		if (Nodes.dateTime(Nodes.text(e, "issuedOn")) == null) {
			missing.add("issuedOn as a date-time");
		}
		if (Nodes.text(e, "id") == null || !Nodes.isIri(Nodes.text(e, "id"))) {
			missing.add("id");
		}
		if (type == null) {
			missing.add("verification (hosted or signed)");
		}
		if (missing.isEmpty()) {
			run.pass(CheckId.ENDORSEMENT_STRUCTURE, "Every required property is present.");
		}
		else {
			run.fail(CheckId.ENDORSEMENT_STRUCTURE, "Missing or wrong: " + String.join(", ", missing) + ".");
		}
	}

	/** A listed endorsement must endorse the very document it is listed on. */
	private static void claim(Listed listed, Run run) {
		String endorsed = endorsedId(run.assertion);
		if (run.assertion == null || run.revoked || endorsed == null) {
			return;
		}
		if (listed.endorsable().contains(endorsed)) {
			run.pass(CheckId.ENDORSEMENT_CLAIM, "It endorses " + Verifier.abbreviate(endorsed) + ", which the "
					+ listed.on() + " it is listed on is or stands on.");
		}
		else {
			run.fail(CheckId.ENDORSEMENT_CLAIM, "It endorses " + Verifier.abbreviate(endorsed) + ", which is not the "
					+ listed.on() + " it is listed on" + (listed.endorsable().isEmpty() ? ""
							: " (" + Verifier.abbreviate(listed.endorsable().get(0)) + ")") + " nor what that stands on.");
		}
	}

	static String endorsedId(JsonNode endorsement) {
		if (endorsement == null) {
			return null;
		}
		JsonNode subject = endorsement.has("credentialSubject") ? endorsement.get("credentialSubject")
				: endorsement.get("claim");
		return subject == null ? null : Nodes.iri(subject);
	}

	private static Report.EndorsementSummary summary(Listed listed, Run run) {
		JsonNode e = run.assertion;
		List<Check> checks = run.recordedChecks().stream().map(c -> c.withSentences(Sentences.all(c, run))).toList();
		boolean valid = checks.stream().noneMatch(c -> c.outcome() == Outcome.FAILED)
				&& checks.stream().anyMatch(c -> c.outcome() == Outcome.PASSED);
		JsonNode subject = e == null ? null : e.has("credentialSubject") ? e.get("credentialSubject") : e.get("claim");
		String comment = subject == null ? null : Nodes.text(subject, "endorsementComment");
		Instant issued = e == null ? null : Nodes.dateTime(Nodes.text(e, e.has("validFrom") ? "validFrom" : "issuedOn"));
		String id = e != null ? Nodes.text(e, "id") : listed.value().isString() && !listed.jwt() ? listed.value().asString() : null;
		JsonNode endorser = run.issuer != null ? run.issuer : e == null ? null : e.get("issuer");
		Report.IssuerSummary who = endorser == null ? null
				: endorser.isObject() ? Summaries.endorser(endorser)
						: new Report.IssuerSummary(Nodes.iri(endorser), null, null, null, null);
		java.util.Map<Language, String> sentences = new java.util.EnumMap<>(Language.class);
		for (Language l : Language.values()) {
			String name = who == null || who.name() == null ? l.text("verification.endorsement.someone") : who.name();
			sentences.put(l, run.revoked ? (run.revocationReason == null
					? l.text("verification.endorsement.withdrawn", name)
					: l.text("verification.endorsement.withdrawn-reason", name, run.revocationReason))
					: l.text(valid ? "verification.endorsement.valid" : "verification.endorsement.invalid", name));
		}
		return new Report.EndorsementSummary(id == null ? null : Verifier.abbreviate(id), run.kind, listed.on(),
				endorsedId(e), comment == null ? null : abbreviate(comment), issued, who, valid && !run.revoked,
				run.revoked, run.revocationReason, sentences.get(Language.EN), checks, java.util.Map.copyOf(sentences));
	}

	private static String abbreviate(String comment) {
		return comment.length() > 2000 ? comment.substring(0, 1997) + "..." : comment;
	}

}
