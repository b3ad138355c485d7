package org.cairn.enrollment;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.cairn.account.CairnUser;
import org.cairn.account.Role;
import org.cairn.district.DistrictRepository;
import org.cairn.language.Language;
import org.cairn.problem.ProblemException;
import org.cairn.paging.ListPage;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
class EnrollmentController {

	private final Enrollments enrollments;

	private final EnrollmentRepository repository;

	private final Budgets budgets;

	private final DistrictRepository districts;

	private final PinnedTemplates pinned;

	EnrollmentController(Enrollments enrollments, EnrollmentRepository repository, Budgets budgets,
			DistrictRepository districts, PinnedTemplates pinned) {
		this.pinned = pinned;
		this.enrollments = enrollments;
		this.repository = repository;
		this.budgets = budgets;
		this.districts = districts;
	}

	record StartBody(@NotBlank @Size(max = 64) String templateId) {
	}

	/** 201 for a new enrolment, 200 when the teacher already holds one for this microcredential. */
	@PostMapping("/enrollments")
	Mono<ResponseEntity<Enrollment>> start(@AuthenticationPrincipal CairnUser user,
			@Valid @RequestBody StartBody body) {
		return enrollments.start(user, body.templateId())
			.map(s -> ResponseEntity.status(s.created() ? HttpStatus.CREATED : HttpStatus.OK).body(s.enrollment()));
	}

	/**
	 * The caller's own enrolments; {@code scope=district} lists the whole district for admins (with {@code state},
	 * those in that state; with {@code decided=true}, the decided proposals newest first).
	 */
	@GetMapping("/enrollments")
	Flux<Enrollment> list(@AuthenticationPrincipal CairnUser user, ServerHttpRequest request,
			@RequestParam(defaultValue = "mine") String scope, @RequestParam(required = false) EnrollmentState state,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = ListPage.DEFAULT_SIZE) int size,
			@RequestParam(defaultValue = "false") boolean decided) {
		// sorted in the repository methods' names; the page only bounds the answer
		Pageable onePage = ListPage.of(page, size).pageable(Sort.unsorted());
		Flux<Enrollment> found;
		if ("district".equals(scope)) {
			user.require(Role.DISTRICT_ADMIN);
			found = decided
					? repository.findByDistrictIdAndDecidedAtNotNullOrderByDecidedAtDescIdAsc(user.districtId(), onePage)
					: state == null ? repository.findByDistrictIdOrderByStartedAtAsc(user.districtId(), onePage)
							: repository.findByDistrictIdAndStateOrderByProposedAtAsc(user.districtId(), state, onePage);
		}
		else if (!"mine".equals(scope)) {
			return Flux.error(ProblemException.invalid("scope", "mine or district"));
		}
		else {
			found = repository.findByDistrictIdAndPersonIdOrderByStartedAtDesc(user.districtId(), user.personId(),
					onePage);
		}
		// the microcredential's title in the reader's language (one page: bounded)
		return found.collectList().flatMap(page1 -> pinned.titled(Language.of(request), page1))
			.flatMapIterable(titled -> titled);
	}

	@GetMapping("/enrollments/{id}")
	Mono<Enrollment> get(@AuthenticationPrincipal CairnUser user, @PathVariable String id,
			ServerHttpRequest request) {
		return (user.has(Role.DISTRICT_ADMIN) ? enrollments.get(user.districtId(), id) : enrollments.own(user, id))
			.flatMap(e -> pinned.titled(Language.of(request), e));
	}

	/** Submits (or, after a return, resubmits) the proposal. */
	@PostMapping("/enrollments/{id}/proposal")
	Mono<Enrollment> propose(@AuthenticationPrincipal CairnUser user, @PathVariable String id,
			@Valid @RequestBody Proposal proposal) {
		return enrollments.propose(user, id, proposal);
	}

	@PostMapping("/enrollments/{id}/decision")
	Mono<Enrollment> decide(@AuthenticationPrincipal CairnUser user, @PathVariable String id,
			@Valid @RequestBody ProposalDecision decision) {
		return enrollments.decide(user, id, decision);
	}

	/** Committed, paid and remaining for a fiscal year (default: the current one). */
	@GetMapping("/budget")
	Mono<Budgets.BudgetFigures> budget(@AuthenticationPrincipal CairnUser user,
			@RequestParam(required = false) String fiscalYear) {
		user.require(Role.DISTRICT_ADMIN);
		return districts.findById(user.districtId()).flatMap(d -> budgets.figures(d, fiscalYear));
	}

}
