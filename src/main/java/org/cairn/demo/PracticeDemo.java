package org.cairn.demo;

import java.util.List;

import org.cairn.account.CairnUser;
import org.cairn.account.PersonRepository;
import org.cairn.evidence.EvidenceSharing;
import org.cairn.practice.Audience;
import org.cairn.practice.PracticeSharing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo's practice library: the district opens it to other Cairn districts and the public page; the third demo
 * teacher shares the reflections of the two Parkway tiers they passed (one named and public, one anonymous for Cairn
 * districts), the second teacher the reflection of their passed tier 1 (their district only). Teacher 3's tier 2
 * picture is left for the browser journey to share. Sharing again changes nothing, so restarts are harmless.
 */
@Component
@Order(50)
class PracticeDemo implements DemoStep {

	private static final Logger log = LoggerFactory.getLogger(PracticeDemo.class);

	/** Teacher (by position), tier, how it is shared. */
	private record Shared(int teacher, String tierKey, PracticeSharing.Share share) {
	}

	private static final List<Shared> SHARED = List.of(
			new Shared(2, "tier-1", new PracticeSharing.Share("What goal trackers changed in Grade 6 math",
					"A reflection on student-led goal setting: weekly trackers, Friday partner check-ins.", "6-8",
					"Mathematics", false, Audience.PUBLIC, true)),
			new Shared(2, "tier-2", new PracticeSharing.Share("Putting goal trackers into practice",
					"How the trackers went in two classes, and what I would change.", "6-8", "Mathematics", true,
					Audience.CAIRN, true)),
			new Shared(1, "tier-1", new PracticeSharing.Share("Learning about personalized learning",
					"What two research articles taught me about choice and pacing.", "3-5", "All subjects", false,
					Audience.DISTRICT, true)));

	private final EvidenceSharing evidence;

	private final PracticeSharing practice;

	private final PersonRepository people;

	PracticeDemo(EvidenceSharing evidence, PracticeSharing practice, PersonRepository people) {
		this.evidence = evidence;
		this.practice = practice;
		this.people = people;
	}

	@Override
	public Mono<Void> seed(DemoDistrictSeeded event) {
		return practice.open(event.districtId(), Audience.PUBLIC)
			.thenMany(Flux.fromIterable(SHARED))
			.filter(s -> s.teacher() < event.teacherIds().size())
			.concatMap(s -> people.findById(event.teacherIds().get(s.teacher()))
				.map(p -> new CairnUser(p.id(), p.districtId(), p.email(), p.displayName(), p.roles(),
						p.platformAdmin(), false))
				.flatMap(teacher -> evidence.shareable(teacher)
					.filter(piece -> piece.passed() && piece.tierKey().equals(s.tierKey())
							&& "REFLECTION".equals(piece.kind()))
					.next()
					.switchIfEmpty(Mono.fromRunnable(() -> log.info(
							"Demo practice library: {} has no passed {} reflection to share", teacher.email(),
							s.tierKey())))
					.flatMap(piece -> practice.share(teacher, piece.id(), s.share()))))
			.then();
	}

}
