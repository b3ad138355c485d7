package org.cairn.demo;

import java.time.Duration;
import java.util.List;

import org.cairn.account.Person;
import org.cairn.account.PersonRepository;
import org.cairn.award.Award;
import org.cairn.award.Awards;
import org.cairn.issuing.Issuance;
import org.cairn.issuing.IssuedAssertion;
import org.cairn.issuing.PublicUrls;
import org.cairn.issuing.VerificationMode;
import org.cairn.template.Template;
import org.cairn.template.TemplateLookup;
import org.cairn.template.Tier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo badges: issues the awards the earning demo made for the demo teachers, then makes sure there is one badge of
 * each kind to open (hosted, signed, revoked) through the same award hand-over earning uses, and logs every public
 * assertion URL. Award keys are fixed and revoking is idempotent, so a restart issues nothing twice.
 */
@Component
@Order(30)
class IssuingDemo implements DemoStep {

	private static final Logger log = LoggerFactory.getLogger(IssuingDemo.class);

	private static final Duration WAIT = Duration.ofSeconds(60);

	private static final Duration RETRY = Duration.ofMillis(250);

	static final String REVOCATION_REASON = "Demo: awarded in error, to show how a revoked badge verifies";

	/** Which library microcredential each demo badge uses; any published template when the library is absent. */
	private static final List<Kind> KINDS = List.of(new Kind("hosted", VerificationMode.HOSTED, false, "formative-assessment"),
			new Kind("signed", VerificationMode.SIGNED, false, "technology-integration"),
			new Kind("revoked", VerificationMode.HOSTED, true, "derry-data"));

	private final TemplateLookup templates;

	private final Awards awards;

	private final PersonRepository people;

	private final Issuance issuance;

	private final PublicUrls urls;

	IssuingDemo(TemplateLookup templates, Awards awards, PersonRepository people, Issuance issuance,
			PublicUrls urls) {
		this.templates = templates;
		this.awards = awards;
		this.people = people;
		this.issuance = issuance;
		this.urls = urls;
	}

	private record Kind(String name, VerificationMode mode, boolean revoke, String libraryKey) {
	}

	/** One line of the start-up block: who, which kind, where, for what. */
	record Line(String teacher, String kind, String url, String badge) {
	}

	@Override
	public Mono<Void> seed(DemoDistrictSeeded event) {
		return issue(event).collectList().doOnNext(lines -> {
			StringBuilder block = new StringBuilder(
					"\n\n=========== Cairn demo badges (open them; anyone can verify) ===========\n");
			lines.forEach(line -> block.append(String.format("  %-18s %-8s %s  %s%n", line.teacher(), line.kind(),
					line.url(), line.badge())));
			block.append("=========================================================================\n");
			log.info(block.toString());
		}).then();
	}

	/** The awards the earning demo made, then one badge of each kind; each line once its assertion exists. */
	Flux<Line> issue(DemoDistrictSeeded event) {
		return Flux.fromIterable(event.teacherIds())
			.concatMap(people::findById)
			.filter(p -> event.districtId().equals(p.districtId()))
			.collectList()
			.flatMapMany(teachers -> teachers.isEmpty() ? Flux.empty()
					: Flux.concat(earned(event, teachers), oneOfEachKind(event, teachers)));
	}

	/** Awards the earning demo made: issue them (normally already done by the AwardGranted listener). */
	private Flux<Line> earned(DemoDistrictSeeded event, List<Person> teachers) {
		return Flux.fromIterable(teachers)
			.concatMap(teacher -> awards.ofPerson(event.districtId(), teacher.id())
				.filter(a -> !a.awardKey().startsWith("demo:issuing:"))
				.collectList()
				.flatMapMany(Flux::fromIterable)
				.concatMap(award -> issued(award, null))
				.concatMap(assertion -> line(teacher, assertion.revoked() ? "revoked" : kind(assertion.mode()),
						assertion)));
	}

	/** One of each kind, so a newcomer can open a hosted, a signed and a revoked badge. */
	private Flux<Line> oneOfEachKind(DemoDistrictSeeded event, List<Person> teachers) {
		return templates.firstPublished(event.districtId()).hasElement().flatMapMany(any -> {
			if (!any) {
				log.warn("Demo badges: the demo district has no published template; none issued");
				return Flux.empty();
			}
			return Flux.range(0, KINDS.size()).concatMap(i -> {
				Kind kind = KINDS.get(i);
				Person teacher = teachers.get(i % teachers.size());
				return template(event.districtId(), kind.libraryKey())
					.flatMap(template -> award(event, kind, teacher, template))
					.flatMap(award -> issued(award, kind.mode()))
					.flatMap(assertion -> kind.revoke()
							? issuance.revoke(event.districtId(), assertion.id(), REVOCATION_REASON)
							: Mono.just(assertion))
					.flatMap(assertion -> line(teacher, kind.name(), assertion));
			});
		});
	}

	private Mono<Award> award(DemoDistrictSeeded event, Kind kind, Person teacher, Template template) {
		Tier tier = template.tiers().stream().filter(Tier::awardedSeparately).findFirst().orElse(null);
		String key = "demo:issuing:" + kind.name() + ":" + teacher.id();
		return awards.recordOnce(new Awards.NewAward(key, event.districtId(), teacher.id(), null, template.id(),
				tier == null ? null : tier.key(), tier == null ? 0 : tier.stipendCents(), List.of()));
	}

	/** The award's assertion: issued now, or waited for when another instance (or the listener) is issuing it. */
	private Mono<IssuedAssertion> issued(Award award, VerificationMode mode) {
		return issued(award, mode, System.nanoTime() + WAIT.toNanos());
	}

	private Mono<IssuedAssertion> issued(Award current, VerificationMode mode, long deadline) {
		return issuance.issueAward(current, mode).switchIfEmpty(Mono.defer(() -> {
			if (System.nanoTime() > deadline) {
				log.warn("Demo badges: award {} is still being issued elsewhere", current.id());
				return Mono.empty();
			}
			return Mono.delay(RETRY)
				.then(awards.byId(current.id()))
				.flatMap(next -> issued(next, mode, deadline));
		}));
	}

	private Mono<Template> template(String districtId, String libraryKey) {
		return templates.publishedFromLibrary(districtId, libraryKey)
			.switchIfEmpty(Mono.defer(() -> templates.firstPublished(districtId)));
	}

	private Mono<Line> line(Person teacher, String kind, IssuedAssertion assertion) {
		return templates.byId(assertion.templateId())
			.map(template -> template.badgeName(assertion.tierKey()))
			.defaultIfEmpty("")
			.map(badge -> new Line(teacher.displayName(), kind, urls.assertion(assertion.id()), badge));
	}

	private static String kind(VerificationMode mode) {
		return mode == VerificationMode.SIGNED ? "signed" : "hosted";
	}

}
