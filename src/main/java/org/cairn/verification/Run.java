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

	/** Where the hosted assertion being judged was retrieved from (null until it is). */
	String retrievedFrom;

	/** A badge class or issuer profile was retrieved (so there was an address to compare its id with). */
	boolean retrievedLinked;

	String kind;

	String verificationType;

	JsonNode assertion;

	JsonNode badge;

	JsonNode issuer;

	boolean revoked;

	String revocationReason;

	Boolean recipientMatched;

	/** Whether the credential is a learner record (CLR 2.0): the report then lists {@code clr.credentials} too. */
	boolean clr;

	/** A learner record's reports of the credentials it holds, in its order. */
	List<Report> held = List.of();

	/** What 1EdTech's JSON schema found wrong, in words (the first few). */
	List<String> schemaProblems = List.of();

	int fetches;

	CheckId current = CheckId.INPUT_DETECT;

	/** The check that failed most recently: a stage stops at its failure, so this is where the run stopped. */
	private CheckId lastFailure;

	/** Whether the badge is an Open Badges 3.0 credential (the report then lists the 3.0 checks, not the 2.0 ones). */
	boolean ob3;

	/** Whether the document verified is an endorsement (its report lists the endorsement checks too). */
	boolean endorsement;

	/** The endorsements of the badge, each verified on a run of its own. */
	List<Report.EndorsementSummary> endorsements = List.of();

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
		lastFailure = id;
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

	boolean recorded(CheckId id) {
		return checks.containsKey(id);
	}

	/**
	 * Every check in procedure order. One never reached is skipped with the truthful reason: the check whose failure
	 * stopped the verification (none is named when nothing failed: then the stage simply did not apply).
	 */
	List<Check> checks() {
		String notReached = lastFailure == null ? "It does not apply to this input."
				: "The verification stopped when " + lastFailure.id() + " failed.";
		List<Check> all = new ArrayList<>();
		for (CheckId id : CheckId.values()) {
			if (!(endorsement ? id.reportedForEndorsement(ob3) : id.reportedFor(ob3, clr))) {
				continue;
			}
			all.add(checks.getOrDefault(id, new Check(id, Outcome.SKIPPED, notReached)));
		}
		return all;
	}

	/** Only the checks this run recorded, in procedure order: what an endorsement's summary lists. */
	List<Check> recordedChecks() {
		return List.copyOf(checks.values());
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
