package org.cairn.verification;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * The state of one verification while its steps run: the checks recorded so far and the documents reached. Steps
 * run one after another, never concurrently, so plain fields suffice.
 */
final class Run {

	private final Map<CheckId, Check> checks = new EnumMap<>(CheckId.class);

	final String recipient;

	InputKind input = InputKind.UNKNOWN;

	List<String> imageProblems = List.of();

	/** The compact JWS parts when the badge came signed. */
	String[] jws;

	JsonNode jwsHeader;

	/** The input was a URL whose document has been retrieved already. */
	boolean retrievedFromUrl;

	String kind;

	String verificationType;

	JsonNode assertion;

	JsonNode badge;

	JsonNode issuer;

	boolean revoked;

	String revocationReason;

	Boolean recipientMatched;

	int fetches;

	CheckId current = CheckId.INPUT_DETECT;

	Run(String recipient) {
		this.recipient = recipient == null || recipient.isBlank() ? null : recipient.strip();
	}

	void pass(CheckId id, String message) {
		note(id, Outcome.PASSED, message);
	}

	void warn(CheckId id, String message) {
		note(id, Outcome.WARNING, message);
	}

	void fail(CheckId id, String message) {
		note(id, Outcome.FAILED, message);
	}

	void skip(CheckId id, String message) {
		note(id, Outcome.SKIPPED, message);
	}

	/** Several findings on one check merge: the worst outcome, the messages of that outcome joined. */
	void note(CheckId id, Outcome outcome, String message) {
		Check existing = checks.get(id);
		if (existing == null || rank(outcome) > rank(existing.outcome())) {
			checks.put(id, new Check(id, outcome, message));
		}
		else if (rank(outcome) == rank(existing.outcome()) && outcome != Outcome.PASSED
				&& !existing.message().contains(message)) {
			checks.put(id, new Check(id, outcome, existing.message() + " " + message));
		}
	}

	boolean failed(CheckId id) {
		Check check = checks.get(id);
		return check != null && check.outcome() == Outcome.FAILED;
	}

	boolean anyFailed() {
		return checks.values().stream().anyMatch(c -> c.outcome() == Outcome.FAILED);
	}

	boolean recorded(CheckId id) {
		return checks.containsKey(id);
	}

	/** Every check in procedure order; those never reached are skipped with the reason given. */
	List<Check> checks(String notReached) {
		List<Check> all = new ArrayList<>();
		for (CheckId id : CheckId.values()) {
			all.add(checks.getOrDefault(id, new Check(id, Outcome.SKIPPED, notReached)));
		}
		return all;
	}

	private static int rank(Outcome outcome) {
		return switch (outcome) {
			case SKIPPED -> 0;
			case PASSED -> 1;
			case WARNING -> 2;
			case FAILED -> 3;
		};
	}

}
