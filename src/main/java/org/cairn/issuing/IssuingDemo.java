package org.cairn.issuing;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.cairn.account.Person;
import org.cairn.account.PersonRepository;
import org.cairn.award.Award;
import org.cairn.award.AwardRepository;
import org.cairn.demo.DemoDistrictSeeded;
import org.cairn.template.Template;
import org.cairn.template.TemplateStatus;
import org.cairn.template.Tier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Demo badges: issues the awards the earning demo made for the demo teachers, then makes sure there is one badge of
 * each kind to open (hosted, signed, revoked) through the same award hand-over earning uses, and logs every public
 * assertion URL. Award keys are fixed and revoking is idempotent, so a restart issues nothing twice.
 */
@Component
@Profile("demo")
class IssuingDemo {

	private static final Logger log = LoggerFactory.getLogger(IssuingDemo.class);

	private static final Duration WAIT = Duration.ofSeconds(60);

	static final String REVOCATION_REASON = "Demo: awarded in error, to show how a revoked badge verifies";

	/** Which library microcredential each demo badge uses; any published template when the library is absent. */
	private static final List<Kind> KINDS = List.of(new Kind("hosted", VerificationMode.HOSTED, false, "formative-assessment"),
			new Kind("signed", VerificationMode.SIGNED, false, "technology-integration"),
			new Kind("revoked", VerificationMode.HOSTED, true, "derry-data"));

	private final ReactiveMongoTemplate mongo;

	private final AwardRepository awards;

	private final PersonRepository people;

	private final Issuance issuance;

	private final PublicUrls urls;

	private final Clock clock;

	IssuingDemo(ReactiveMongoTemplate mongo, AwardRepository awards, PersonRepository people, Issuance issuance,
			PublicUrls urls, Clock clock) {
		this.mongo = mongo;
		this.awards = awards;
		this.people = people;
		this.issuance = issuance;
		this.urls = urls;
		this.clock = clock;
	}

	private record Kind(String name, VerificationMode mode, boolean revoke, String libraryKey) {
	}

	/** One line of the start-up block: who, which kind, where, for what. */
	record Line(String teacher, String kind, String url, String badge) {
	}

	@EventListener
	@Order(30)
	void seed(DemoDistrictSeeded event) {
		List<Line> lines = issue(event);
		StringBuilder block = new StringBuilder("\n\n=========== Cairn demo badges (open them; anyone can verify) ===========\n");
		lines.forEach(line -> block.append(String.format("  %-18s %-8s %s  %s%n", line.teacher(), line.kind(), line.url(),
				line.badge())));
		block.append("=========================================================================\n");
		log.info(block.toString());
	}

	/** Start-up only, so it blocks. */
	List<Line> issue(DemoDistrictSeeded event) {
		List<Line> lines = new ArrayList<>();
		List<Person> teachers = Flux.fromIterable(event.teacherIds()).concatMap(people::findById)
			.filter(p -> event.districtId().equals(p.districtId()))
			.collectList()
			.block();
		if (teachers.isEmpty()) {
			return lines;
		}
		// awards the earning demo made: issue them (normally already done by the AwardGranted listener)
		for (Person teacher : teachers) {
			for (Award award : awards.findByDistrictIdAndPersonId(event.districtId(), teacher.id())
				.filter(a -> !a.awardKey().startsWith("demo:issuing:"))
				.collectList()
				.block()) {
				IssuedAssertion assertion = issued(award, null);
				if (assertion != null) {
					lines.add(new Line(teacher.displayName(), assertion.revoked() ? "revoked" : kind(assertion.mode()),
							urls.assertion(assertion.id()), badgeName(assertion)));
				}
			}
		}
		// one of each kind, so a newcomer can open a hosted, a signed and a revoked badge
		for (int i = 0; i < KINDS.size(); i++) {
			Kind kind = KINDS.get(i);
			Person teacher = teachers.get(i % teachers.size());
			Template template = template(event.districtId(), kind.libraryKey());
			if (template == null) {
				log.warn("Demo badges: the demo district has no published template; none issued");
				return lines;
			}
			Tier tier = template.tiers().stream().filter(Tier::awardedSeparately).findFirst().orElse(null);
			String key = "demo:issuing:" + kind.name() + ":" + teacher.id();
			Award award = awards.findByAwardKey(key)
				.switchIfEmpty(Mono.defer(() -> awards.save(new Award(null, key, event.districtId(), teacher.id(), null,
						template.id(), tier == null ? null : tier.key(), tier == null ? 0 : tier.stipendCents(),
						clock.instant(), List.of(), null, null))))
				.onErrorResume(DuplicateKeyException.class, ex -> awards.findByAwardKey(key))
				.block();
			IssuedAssertion assertion = issued(award, kind.mode());
			if (assertion == null) {
				continue;
			}
			if (kind.revoke()) {
				assertion = issuance.revoke(event.districtId(), assertion.id(), REVOCATION_REASON).block();
			}
			lines.add(new Line(teacher.displayName(), kind.name(), urls.assertion(assertion.id()), badgeName(assertion)));
		}
		return lines;
	}

	/** The award's assertion: issued now, or waited for when another instance (or the listener) is issuing it. */
	private IssuedAssertion issued(Award award, VerificationMode mode) {
		long deadline = System.nanoTime() + WAIT.toNanos();
		Award current = award;
		while (true) {
			IssuedAssertion assertion = issuance.issueAward(current, mode).block();
			if (assertion != null) {
				return assertion;
			}
			if (System.nanoTime() > deadline) {
				log.warn("Demo badges: award {} is still being issued elsewhere", award.id());
				return null;
			}
			sleep();
			current = awards.findById(award.id()).block();
		}
	}

	private Template template(String districtId, String libraryKey) {
		Criteria published = Criteria.where("districtId").is(districtId).and("status").is(TemplateStatus.PUBLISHED);
		Template preferred = mongo.findOne(Query.query(Criteria.where("libraryKey").is(libraryKey).andOperator(published)),
				Template.class).block();
		return preferred != null ? preferred
				: mongo.findOne(Query.query(published).with(Sort.by("_id")), Template.class).block();
	}

	private String badgeName(IssuedAssertion assertion) {
		Template template = mongo.findById(assertion.templateId(), Template.class).block();
		if (template == null) {
			return "";
		}
		return template.badgeName(assertion.tierKey());
	}

	private static String kind(VerificationMode mode) {
		return mode == VerificationMode.SIGNED ? "signed" : "hosted";
	}

	private static void sleep() {
		try {
			Thread.sleep(250);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
