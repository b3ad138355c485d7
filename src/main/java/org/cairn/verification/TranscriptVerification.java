package org.cairn.verification;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.cairn.openbadges.Conventions;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Cairn transcript PDF dropped on the verifier (issue 17): it carries {@code cairn-transcript.json} (the badges it
 * lists: name and attachment) and one {@code openbadges-assertion-<id>.jws|json} per badge. Every such attachment is
 * verified like a badge given on its own, and the answer is one report per badge under {@code badges}. The list is
 * not signed, so it only names the badges: what each badge is comes from its own verified assertion; a badge the
 * list names but the file does not carry fails the transcript.
 */
final class TranscriptVerification {

	private static final String PREFIX = "openbadges-assertion-";

	/** A transcript lists a teacher's badges: far fewer than this. */
	static final int MAX_BADGES = 200;

	private final JsonMapper json;

	TranscriptVerification(JsonMapper json) {
		this.json = json;
	}

	static boolean isTranscript(Map<String, String> attachments) {
		return attachments != null && attachments.containsKey(Conventions.TRANSCRIPT_MANIFEST);
	}

	/** One badge to verify: its name as listed, its attachment, and the content (null when not attached). */
	private record Listed(String name, String attachment, String content) {
	}

	Mono<Report> verify(Map<String, String> attachments, String recipient,
			Function<VerificationRequest, Mono<Report>> single) {
		Run run = new Run(recipient);
		run.input = InputKind.PDF;
		run.kind = "Transcript";
		run.pass(CheckId.INPUT_DETECT, "Input is a Cairn transcript PDF.");
		run.skip(CheckId.IMAGE_INTEGRITY, "A transcript is not a baked image.");
		List<Listed> listed = listed(attachments, run);
		if (listed == null) {
			return Mono.just(report(run, List.of(), false));
		}
		long missing = listed.stream().filter(l -> l.content() == null).count();
		if (listed.isEmpty()) {
			run.fail(CheckId.INPUT_EXTRACT, "The transcript carries no badge.");
		}
		else if (missing > 0) {
			run.fail(CheckId.INPUT_EXTRACT, "The transcript lists " + listed.size() + " badges but " + missing
					+ (missing == 1 ? " is" : " are") + " not attached to it.");
		}
		else {
			run.pass(CheckId.INPUT_EXTRACT, "Found " + listed.size() + (listed.size() == 1 ? " badge" : " badges")
					+ " in the transcript; each is verified below.");
		}
		return Flux.fromIterable(listed)
			.concatMap(l -> (l.content() == null ? Mono.<Report>empty()
					: single.apply(request(l.content(), recipient)))
				.map(report -> new Report.TranscriptBadge(l.name(), l.attachment(), report))
				.defaultIfEmpty(new Report.TranscriptBadge(l.name(), l.attachment(), null)))
			.collectList()
			.map(badges -> report(run, badges, missing == 0 && !listed.isEmpty()));
	}

	private static VerificationRequest request(String content, String recipient) {
		String text = content.strip();
		return InputProbe.classify(text) == InputKind.JWS ? VerificationRequest.jws(text, recipient)
				: VerificationRequest.assertion(text, recipient);
	}

	/** The listed badges, then any other badge attachment; null when the list is unreadable. */
	private List<Listed> listed(Map<String, String> attachments, Run run) {
		JsonNode manifest;
		try {
			manifest = json.readTree(attachments.get(Conventions.TRANSCRIPT_MANIFEST));
		}
		catch (JacksonException ex) {
			manifest = null;
		}
		JsonNode badges = manifest == null ? null : manifest.get("badges");
		if (badges == null || !badges.isArray()) {
			run.fail(CheckId.INPUT_EXTRACT, "The transcript's list of badges (" + Conventions.TRANSCRIPT_MANIFEST
					+ ") is unreadable.");
			return null;
		}
		Map<String, Listed> all = new LinkedHashMap<>();
		for (JsonNode entry : badges.values()) {
			String attachment = Nodes.text(entry, "attachment");
			if (attachment == null || !attachment.startsWith(PREFIX) || all.size() >= MAX_BADGES) {
				continue;
			}
			all.putIfAbsent(attachment, new Listed(Nodes.text(entry, "name"), attachment, attachments.get(attachment)));
		}
		for (Map.Entry<String, String> file : attachments.entrySet()) {
			if (file.getKey().startsWith(PREFIX) && all.size() < MAX_BADGES) {
				all.putIfAbsent(file.getKey(), new Listed(null, file.getKey(), file.getValue()));
			}
		}
		return new ArrayList<>(all.values());
	}

	private static Report report(Run run, List<Report.TranscriptBadge> badges, boolean complete) {
		List<Check> checks = run.checks().stream().map(c -> c.withSentences(Sentences.all(c, run))).toList();
		boolean valid = complete && !badges.isEmpty()
				&& badges.stream().allMatch(b -> b.report() != null && b.report().valid())
				&& checks.stream().noneMatch(c -> c.outcome() == Outcome.FAILED);
		return new Report(valid, InputKind.PDF, "Transcript", null, checks, null, null, null, null, null, null, null, badges);
	}

}
