package org.cairn.cohort;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import org.cairn.account.CairnUser;
import org.cairn.account.Role;
import org.cairn.problem.ProblemException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
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
class CohortController {

	private final Cohorts cohorts;

	CohortController(Cohorts cohorts) {
		this.cohorts = cohorts;
	}

	/** 201 with the new cohort; 200 with the same one when the request is repeated. */
	@PostMapping("/cohorts")
	Mono<ResponseEntity<Cohort>> open(@AuthenticationPrincipal CairnUser user,
			@Valid @RequestBody Cohorts.NewCohort body) {
		return cohorts.open(user, body)
			.map(o -> ResponseEntity.status(o.created() ? HttpStatus.CREATED : HttpStatus.OK).body(o.cohort()));
	}

	/** Admins: the district's cohorts; assessors: the cohorts they evaluate. */
	@GetMapping("/cohorts")
	Flux<Cohort> list(@AuthenticationPrincipal CairnUser user) {
		return cohorts.list(user);
	}

	@GetMapping("/cohorts/{id}")
	Mono<Cohorts.CohortView> get(@AuthenticationPrincipal CairnUser user, @PathVariable String id) {
		return cohorts.view(user, id);
	}

	record EnrolBody(@NotEmpty @Size(max = 200) List<@NotBlank @Size(max = 320) String> emails) {
	}

	/** Enrols (inviting where needed) a list of teachers; one outcome per address. */
	@PostMapping("/cohorts/{id}/members")
	Flux<Cohorts.Outcome> enrol(@AuthenticationPrincipal CairnUser user, @PathVariable String id,
			@Valid @RequestBody EnrolBody body) {
		return cohorts.enrol(user, id, body.emails());
	}

	record EvaluatorBody(@NotBlank @Size(max = 64) String evaluatorId) {
	}

	@PutMapping("/cohorts/{id}/evaluator")
	Mono<Cohort> evaluator(@AuthenticationPrincipal CairnUser user, @PathVariable String id,
			@Valid @RequestBody EvaluatorBody body) {
		return cohorts.changeEvaluator(user, id, body.evaluatorId());
	}

	/** The month's submissions of the cohort's members, together (the evaluator and admins); {@code month=2026-10}. */
	@GetMapping("/cohorts/{id}/month")
	Mono<List<Cohorts.MonthItem>> month(@AuthenticationPrincipal CairnUser user, @PathVariable String id,
			@RequestParam String month) {
		YearMonth which;
		try {
			which = YearMonth.parse(month);
		}
		catch (DateTimeParseException ex) {
			return Mono.error(ProblemException.invalid("month", "a month such as 2026-10"));
		}
		return cohorts.month(user, id, which);
	}

	/** The signed-in teacher's cohorts, with what is due next. */
	@GetMapping("/me/cohorts")
	Flux<Cohorts.MyCohort> mine(@AuthenticationPrincipal CairnUser user) {
		user.require(Role.TEACHER);
		return cohorts.mine(user);
	}

}
