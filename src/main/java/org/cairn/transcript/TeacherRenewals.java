package org.cairn.transcript;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.cairn.account.CairnUser;
import org.cairn.award.AwardGranted;
import org.cairn.award.Awards;
import org.cairn.enrollment.Enrollment;
import org.cairn.enrollment.Enrollments;
import org.cairn.issuing.BadgeRecords;
import org.cairn.issuing.BadgeRecords.IssuedBadge;
import org.cairn.problem.ProblemException;
import org.cairn.template.RenewalPath;
import org.cairn.template.Template;
import org.cairn.template.TemplateCatalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Service;

/**
 * A teacher renewing their own badge (issue 17): once the badge is within the district's first reminder of its expiry
 * (60 days unless the district sets others), or has expired, its holder starts a renewal enrolment in the template's
 * renewal path (a renewal tier, or the whole microcredential again); it goes through evidence and review like any
 * tier, and passing it issues the badge again with a new validity. The link to the renewed badge is the same
 * {@code transcript_renewals} document the district's own renewal writes, recorded when the renewal's award is
 * granted.
 */
@Service
class TeacherRenewals {

	private static final Logger log = LoggerFactory.getLogger(TeacherRenewals.class);

	private final BadgeRecords badges;

	private final TemplateCatalog templates;

	private final Enrollments enrollments;

	private final Awards awards;

	private final Credits credits;

	private final ReactiveMongoTemplate mongo;

	private final Clock clock;

	TeacherRenewals(BadgeRecords badges, TemplateCatalog templates, Enrollments enrollments, Awards awards,
			Credits credits, ReactiveMongoTemplate mongo, Clock clock) {
		this.badges = badges;
		this.templates = templates;
		this.enrollments = enrollments;
		this.awards = awards;
		this.credits = credits;
		this.mongo = mongo;
		this.clock = clock;
	}

	/**
	 * Where a badge's renewal stands, for its holder.
	 *
	 * @param opensOn when the teacher may start it (the district's first reminder before expiry); null for a badge
	 * that never expires
	 * @param open whether it may be started now
	 * @param path TIER or FULL; null when the microcredential has no renewal path (the district renews it)
	 * @param tierTitle the renewal tier's title, for TIER
	 * @param templateId the template version the renewal follows
	 * @param enrollmentId the renewal enrolment once started
	 * @param renewedBy the new badge's assertion id once the renewal is issued
	 */
	record RenewalView(String assertionId, String badge, Instant issuedOn, Instant expires, boolean expired,
			boolean revoked, Instant opensOn, boolean open, RenewalPath.Kind path, String tierTitle,
			Integer estimatedHours, String templateId, String enrollmentId, String enrollmentState,
			String renewedBy) {
	}

	/** The renewal a teacher started (or had started before: the same one). */
	record Started(String enrollmentId, String templateId, boolean created) {
	}

	Mono<RenewalView> view(CairnUser user, String assertionId) {
		return own(user, assertionId).flatMap(b -> Mono
			.zip(opensOn(b), renewalTemplate(b).map(java.util.Optional::of).defaultIfEmpty(java.util.Optional.empty()),
					enrollments.renewalOf(user.personId(), assertionId)
						.map(java.util.Optional::of)
						.defaultIfEmpty(java.util.Optional.empty()),
					renewedBy(assertionId), templates.findById(b.templateId()).map(t -> Credits.name(t, b.tierKey()))
						.defaultIfEmpty("Badge"))
			.map(found -> {
				Instant now = clock.instant();
				Instant opens = found.getT1().orElse(null);
				Template t = found.getT2().orElse(null);
				Enrollment e = found.getT3().orElse(null);
				String renewed = found.getT4().orElse(null);
				RenewalPath path = t == null ? null : t.renewal();
				return new RenewalView(b.assertionId(), found.getT5(), b.issuedOn(), b.expires(), b.expiredAt(now),
						b.revoked(), opens, isOpen(b, opens, renewed, now) && t != null,
						path == null ? null : path.kind(),
						path == null || path.tier() == null ? null : path.tier().title(),
						path == null || path.tier() == null ? null : path.tier().estimatedHours(),
						t == null ? null : t.id(), e == null ? null : e.id(), e == null ? null : e.state().name(),
						renewed);
			}));
	}

	/**
	 * Starts the renewal: its holder's, not revoked, expiring, not renewed yet, and within the window (or expired).
	 * Retrying answers the same enrolment.
	 */
	Mono<Started> start(CairnUser user, String assertionId) {
		return own(user, assertionId).flatMap(b -> {
			if (b.revoked()) {
				return Mono.error(ProblemException.of(TranscriptProblem.BADGE_REVOKED, "badge-revoked"));
			}
			if (b.expires() == null) {
				return Mono.error(ProblemException.of(TranscriptProblem.RENEWAL_NOT_OPEN, "renewal-not-open"));
			}
			return enrollments.renewalOf(user.personId(), assertionId)
				.map(existing -> new Started(existing.id(), existing.templateId(), false))
				.switchIfEmpty(Mono.defer(() -> Mono.zip(opensOn(b), mongo.findById(assertionId, Renewals.Renewal.class)
					.map(link -> java.util.Optional.of(link.newAwardId()))
					.defaultIfEmpty(java.util.Optional.empty())).flatMap(found -> {
					if (found.getT2().isPresent()) {
						return Mono.error(ProblemException.of(TranscriptProblem.ALREADY_RENEWED, "already-renewed"));
					}
					Instant opens = found.getT1().orElseThrow();
					if (clock.instant().isBefore(opens)) {
						return Mono.error(ProblemException.of(TranscriptProblem.RENEWAL_NOT_OPEN, "renewal-not-open-2", opens.toString().substring(0, 10))
							.with("opensOn", opens));
					}
					return renewalTemplate(b)
						.switchIfEmpty(Mono.error(() -> ProblemException.of(TranscriptProblem.RENEWAL_NOT_OPEN, "renewal-not-open-3")))
						.flatMap(t -> enrollments.startRenewal(user, t.id(),
								new Enrollment.Renewing(b.assertionId(), b.tierKey())))
						.map(s -> new Started(s.enrollment().id(), s.enrollment().templateId(), s.created()));
				})));
		});
	}

	/**
	 * Links a renewal to the badge it renews when its award is granted (a teacher's renewal passing review). The
	 * insert is idempotent: the district's own renewal wrote the same link already.
	 */
	@EventListener
	void on(AwardGranted event) {
		awards.byId(event.awardId())
			.filter(award -> Awards.renews(award) != null)
			.flatMap(award -> badges.find(award.districtId(), Awards.renews(award))
				.flatMap(old -> mongo.insert(new Renewals.Renewal(old.assertionId(), award.districtId(),
						award.personId(), award.id(), clock.instant(), award.personId()))))
			.onErrorResume(DuplicateKeyException.class, ex -> Mono.empty())
			.subscribe(link -> log.info("Badge {} renewed by award {}", link.renewedAssertionId(), link.newAwardId()),
					ex -> log.warn("Linking renewal award {} failed: {}", event.awardId(), ex.toString()));
	}

	private Mono<IssuedBadge> own(CairnUser user, String assertionId) {
		return badges.find(user.districtId(), assertionId)
			.filter(b -> user.personId().equals(b.personId()))
			.switchIfEmpty(Mono.error(() -> ProblemException.notFound("Badge " + assertionId)));
	}

	/** The district's first reminder before expiry: from then the holder may renew. */
	private Mono<java.util.Optional<Instant>> opensOn(IssuedBadge b) {
		if (b.expires() == null) {
			return Mono.just(java.util.Optional.empty());
		}
		return credits.settings(b.districtId())
			.map(s -> s.reminderDays().stream().max(Integer::compare).orElse(60))
			.map(days -> java.util.Optional.of(b.expires().minus(Duration.ofDays(days))));
	}

	private static boolean isOpen(IssuedBadge b, Instant opens, String renewedBy, Instant now) {
		return !b.revoked() && opens != null && renewedBy == null && !now.isBefore(opens);
	}

	/** The version a renewal follows: the family's newest published one with a renewal path, else the badge's own. */
	private Mono<Template> renewalTemplate(IssuedBadge b) {
		return templates.findById(b.templateId())
			.flatMap(own -> templates.latestPublished(b.districtId(), own.familyId())
				.filter(Template::renewable)
				.switchIfEmpty(Mono.just(own).filter(Template::renewable)));
	}

	/** The new badge's assertion id, once a renewal of this badge was issued. */
	private Mono<java.util.Optional<String>> renewedBy(String assertionId) {
		return mongo.findById(assertionId, Renewals.Renewal.class)
			.flatMap(link -> awards.byId(link.newAwardId()))
			.map(award -> java.util.Optional.ofNullable(award.assertionId()))
			.defaultIfEmpty(java.util.Optional.empty());
	}

}
