package org.cairn.review;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.cairn.account.CairnUser;
import org.cairn.account.Role;
import org.cairn.enrollment.Enrollments;
import org.cairn.paging.ListPage;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
class ReviewController {

	private final Reviews reviews;

	private final Enrollments enrollments;

	private final Clock clock;

	ReviewController(Reviews reviews, Enrollments enrollments, Clock clock) {
		this.reviews = reviews;
		this.enrollments = enrollments;
		this.clock = clock;
	}

	/** A line of a review queue, oldest first. */
	record QueueItem(String submissionId, String enrollmentId, String personId, String templateId,
			String templateTitle, String tierKey, String tierTitle, int attempt, String assessorId,
			Instant submittedAt, long ageHours) {

		static QueueItem of(Submission s, Instant now) {
			return new QueueItem(s.id(), s.enrollmentId(), s.personId(), s.templateId(), s.templateTitle(),
					s.tierKey(), s.tierTitle(), s.attempt(), s.assessorId(), s.submittedAt(),
					Duration.between(s.submittedAt(), now).toHours());
		}

	}

	/** The caller's own review queue (assessors). */
	@GetMapping("/reviews")
	Flux<QueueItem> mine(@AuthenticationPrincipal CairnUser user, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = ListPage.DEFAULT_SIZE) int size) {
		user.require(Role.ASSESSOR);
		Instant now = clock.instant();
		return reviews.queue(user.districtId(), user.personId(), ListPage.of(page, size)).map(s -> QueueItem.of(s, now));
	}

	/** Every waiting submission of the district, assigned or not, oldest first (admins). */
	@GetMapping("/reviews/queue")
	Flux<QueueItem> district(@AuthenticationPrincipal CairnUser user, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = ListPage.DEFAULT_SIZE) int size) {
		user.require(Role.DISTRICT_ADMIN);
		Instant now = clock.instant();
		return reviews.queue(user.districtId(), null, ListPage.of(page, size)).map(s -> QueueItem.of(s, now));
	}

	@GetMapping("/submissions/{id}")
	Mono<Submission> get(@AuthenticationPrincipal CairnUser user, @PathVariable String id) {
		return reviews.visible(user, id);
	}

	/** Every submitted tier of an enrolment with its attempts (the teacher and admins). */
	@GetMapping("/enrollments/{id}/submissions")
	Flux<Submission> ofEnrollment(@AuthenticationPrincipal CairnUser user, @PathVariable String id) {
		Mono<?> allowed = user.has(Role.DISTRICT_ADMIN) ? enrollments.get(user.districtId(), id)
				: enrollments.own(user, id);
		return allowed.thenMany(reviews.ofEnrollment(id));
	}

	@PostMapping("/submissions/{id}/decision")
	Mono<Submission> decide(@AuthenticationPrincipal CairnUser user, @PathVariable String id,
			@Valid @RequestBody Reviews.DecisionBody body) {
		return reviews.decide(user, id, body);
	}

	record AssessorBody(@NotBlank @Size(max = 64) String assessorId) {
	}

	@PutMapping("/submissions/{id}/assessor")
	Mono<Submission> reassign(@AuthenticationPrincipal CairnUser user, @PathVariable String id,
			@Valid @RequestBody AssessorBody body) {
		return reviews.reassign(user, id, body.assessorId());
	}

}
