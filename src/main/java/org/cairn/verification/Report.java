package org.cairn.verification;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.cairn.language.Language;

/**
 * The answer to a verification (documented in docs/verification.md): {@code valid} is true when no check failed.
 * {@code kind} is the Open Badges class verified (usually Assertion); the summaries are null when the document was
 * not reached or not readable. A learner record ({@code kind} ClrCredential) lists the report of each credential it
 * holds in {@code credentials}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Report(boolean valid, InputKind input, String kind, String verificationType, List<Check> checks,
		AssertionSummary assertion, BadgeSummary badge, IssuerSummary issuer, RecipientSummary recipient,
		List<AlignmentSummary> alignments, List<EndorsementSummary> endorsements, List<Report> credentials,
		List<TranscriptBadge> badges) {

	/** A report of one badge (no transcript). */
	Report(boolean valid, InputKind input, String kind, String verificationType, List<Check> checks,
			AssertionSummary assertion, BadgeSummary badge, IssuerSummary issuer, RecipientSummary recipient,
			List<AlignmentSummary> alignments, List<EndorsementSummary> endorsements, List<Report> credentials) {
		this(valid, input, kind, verificationType, checks, assertion, badge, issuer, recipient, alignments, endorsements,
				credentials, null);
	}

	/**
	 * The report as a reader of the language reads it: every check's title and sentence, the endorsements' and the
	 * held credentials' and transcript badges' too (the technical messages stay English).
	 */
	Report in(Language language) {
		return new Report(valid, input, kind, verificationType,
				checks == null ? null : checks.stream().map(c -> c.in(language)).toList(), assertion, badge, issuer,
				recipient, alignments,
				endorsements == null ? null : endorsements.stream().map(e -> e.in(language)).toList(),
				credentials == null ? null : credentials.stream().map(r -> r.in(language)).toList(),
				badges == null ? null : badges.stream()
					.map(b -> new TranscriptBadge(b.name(), b.attachment(), b.report() == null ? null
							: b.report().in(language)))
					.toList());
	}

	/** A copy saying whether the issuer is one the asking district recognises. */
	Report recognised(boolean recognised) {
		return issuer == null ? this
				: new Report(valid, input, kind, verificationType, checks, assertion, badge, issuer.recognised(recognised),
						recipient, alignments, endorsements, credentials, badges);
	}

	/** A copy marking the endorsers the asking district recognises (by their issuer id). */
	Report recognisingEndorsers(java.util.Set<String> trustedIssuerIds) {
		if (endorsements == null || endorsements.isEmpty()) {
			return this;
		}
		List<EndorsementSummary> marked = endorsements.stream()
			.map(e -> e.endorser() == null ? e : e.withEndorser(e.endorser().recognised(
					e.endorser().id() != null && trustedIssuerIds.contains(e.endorser().id()))))
			.toList();
		return new Report(valid, input, kind, verificationType, checks, assertion, badge, issuer, recipient,
				alignments, marked, credentials, badges);
	}

	/**
	 * One endorsement of the verified badge, verified on its own: where it was listed ({@code on}: assertion, badge,
	 * issuer, credential, achievement), what it endorses, the endorser, the comment (plain text: show it as text),
	 * whether it verifies and its checks. A forged, altered or withdrawn endorsement is {@code valid: false}; it never
	 * changes the badge's own verdict.
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record EndorsementSummary(String id, String kind, String on, String endorsedId, String comment,
			Instant issuedOn, IssuerSummary endorser, boolean valid, boolean revoked, String revocationReason,
			String sentence, List<Check> checks,
			@com.fasterxml.jackson.annotation.JsonIgnore java.util.Map<Language, String> sentences) {

		EndorsementSummary withEndorser(IssuerSummary value) {
			return new EndorsementSummary(id, kind, on, endorsedId, comment, issuedOn, value, valid, revoked,
					revocationReason, sentence, checks, sentences);
		}

		EndorsementSummary in(Language language) {
			return new EndorsementSummary(id, kind, on, endorsedId, comment, issuedOn, endorser, valid, revoked,
					revocationReason, sentences == null ? sentence : sentences.get(language),
					checks == null ? null : checks.stream().map(c -> c.in(language)).toList(), sentences);
		}

	}

	/**
	 * One badge of a transcript PDF ({@code kind} Transcript): its name and attachment as the transcript lists them,
	 * and the full report of the badge carried in that attachment.
	 */
	public record TranscriptBadge(String name, String attachment, Report report) {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record AssertionSummary(String id, Instant issuedOn, Instant expires, boolean revoked,
			String revocationReason, String narrative, List<String> evidence) {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record BadgeSummary(String id, String name, String description, String image, String criteria,
			String criteriaNarrative, List<String> tags) {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record IssuerSummary(String id, String name, String url, String email, Boolean recognised) {

		IssuerSummary recognised(boolean value) {
			return new IssuerSummary(id, name, url, email, value);
		}

	}

	/** {@code matched} is null when no recipient was given to compare. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record RecipientSummary(String type, boolean hashed, String identity, Boolean matched) {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record AlignmentSummary(String targetName, String targetUrl, String targetDescription,
			String targetFramework, String targetCode) {
	}

}
