package org.cairn.plan;

import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.cairn.account.CairnUser;
import org.cairn.paging.ListPage;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Surveys, learning plans, supervisors and recommendations; always of the caller's own district. */
@RestController
@RequestMapping("/api/v1")
class PlanController {

	private final Surveys surveys;

	private final SurveyResults results;

	private final Plans plans;

	private final Supervisors supervisors;

	private final Recommendations recommendations;

	PlanController(Surveys surveys, SurveyResults results, Plans plans, Supervisors supervisors,
			Recommendations recommendations) {
		this.surveys = surveys;
		this.results = results;
		this.plans = plans;
		this.supervisors = supervisors;
		this.recommendations = recommendations;
	}

	// --- surveys (administrators) -----------------------------------------------------------------------------------

	/** 201 with the new draft; 200 with the same survey when the request is repeated. */
	@PostMapping("/surveys")
	Mono<ResponseEntity<Surveys.SurveyView>> create(@AuthenticationPrincipal CairnUser user,
			@Valid @RequestBody Surveys.NewSurvey body) {
		return surveys.create(user, body)
			.map(c -> ResponseEntity.status(c.created() ? HttpStatus.CREATED : HttpStatus.OK).body(c.view()));
	}

	@GetMapping("/surveys")
	Flux<Survey> surveys(@AuthenticationPrincipal CairnUser user) {
		return surveys.list(user);
	}

	@GetMapping("/surveys/{id}")
	Mono<Surveys.SurveyView> survey(@AuthenticationPrincipal CairnUser user, @PathVariable String id) {
		return surveys.get(user, id);
	}

	@PutMapping("/surveys/{id}")
	Mono<Surveys.SurveyView> update(@AuthenticationPrincipal CairnUser user, @PathVariable String id,
			@Valid @RequestBody Surveys.NewSurvey body) {
		return surveys.update(user, id, body);
	}

	@PostMapping("/surveys/{id}/open")
	Mono<Surveys.SurveyView> open(@AuthenticationPrincipal CairnUser user, @PathVariable String id) {
		return surveys.open(user, id);
	}

	@PostMapping("/surveys/{id}/close")
	Mono<Surveys.SurveyView> close(@AuthenticationPrincipal CairnUser user, @PathVariable String id) {
		return surveys.close(user, id);
	}

	/** By school, under the small-group rule. */
	@GetMapping("/surveys/{id}/results")
	Mono<SurveyResults.Results> results(@AuthenticationPrincipal CairnUser user, @PathVariable String id) {
		return results.of(user, id);
	}

	// --- surveys (teachers) -----------------------------------------------------------------------------------------

	@GetMapping("/me/surveys")
	Flux<Surveys.MySurvey> mySurveys(@AuthenticationPrincipal CairnUser user) {
		return surveys.mine(user);
	}

	record AnswerBody(@NotNull @Size(max = 20) Map<String, SurveyAnswer.Answer> answers) {
	}

	/** The teacher's answers, replacing earlier ones while the survey is open. */
	@PutMapping("/me/surveys/{id}/answers")
	Mono<Surveys.MySurvey> answer(@AuthenticationPrincipal CairnUser user, @PathVariable String id,
			@Valid @RequestBody AnswerBody body) {
		return surveys.answer(user, id, body.answers());
	}

	// --- plans ------------------------------------------------------------------------------------------------------

	@GetMapping("/me/plan")
	Mono<Plans.PlanView> myPlan(@AuthenticationPrincipal CairnUser user) {
		return plans.mine(user);
	}

	/** What a plan's goals may name (clusters, components, standards, published microcredentials). */
	@GetMapping("/me/plan/options")
	Mono<Plans.Options> planOptions(@AuthenticationPrincipal CairnUser user) {
		return plans.options(user);
	}

	@PutMapping("/me/plan")
	Mono<Plans.PlanView> savePlan(@AuthenticationPrincipal CairnUser user, @Valid @RequestBody Plans.PlanBody body) {
		return plans.save(user, body);
	}

	@PostMapping("/me/plan/submission")
	Mono<Plans.PlanView> submitPlan(@AuthenticationPrincipal CairnUser user) {
		return plans.submit(user);
	}

	/**
	 * Supervisors: the plans submitted to them; administrators: the district's; a page at a time, last sent first.
	 * {@code state=SUBMITTED}: waiting; {@code decided=true}: approved and returned.
	 */
	@GetMapping("/plans")
	Flux<Plans.PlanSummary> plans(@AuthenticationPrincipal CairnUser user,
			@RequestParam(required = false) LearningPlan.State state,
			@RequestParam(defaultValue = "false") boolean decided, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = ListPage.DEFAULT_SIZE) int size) {
		return plans.list(user, state, decided, ListPage.of(page, size));
	}

	@GetMapping("/plans/{id}")
	Mono<Plans.PlanView> plan(@AuthenticationPrincipal CairnUser user, @PathVariable String id) {
		return plans.get(user, id);
	}

	@PostMapping("/plans/{id}/decision")
	Mono<Plans.PlanView> decide(@AuthenticationPrincipal CairnUser user, @PathVariable String id,
			@Valid @RequestBody Plans.DecisionBody body) {
		return plans.decide(user, id, body);
	}

	// --- supervisors ------------------------------------------------------------------------------------------------

	@GetMapping("/plan-supervisors")
	Flux<Supervisors.Assigned> supervisorList(@AuthenticationPrincipal CairnUser user) {
		return supervisors.list(user);
	}

	/** @param school the school's name as people's profiles have it; blank or {@code *}: every school without one */
	record SupervisorBody(@Size(max = 120) String school, @NotBlank @Size(max = 64) String supervisorId) {
	}

	@PutMapping("/plan-supervisors")
	Mono<Supervisors.Assigned> setSupervisor(@AuthenticationPrincipal CairnUser user,
			@Valid @RequestBody SupervisorBody body) {
		return supervisors.set(user, body.school(), body.supervisorId());
	}

	@DeleteMapping("/plan-supervisors")
	Mono<ResponseEntity<Void>> removeSupervisor(@AuthenticationPrincipal CairnUser user, @RequestParam String school) {
		return supervisors.remove(user, school).thenReturn(ResponseEntity.noContent().build());
	}

	// --- recommendations --------------------------------------------------------------------------------------------

	@GetMapping("/me/recommendations")
	Mono<List<Recommendations.Recommendation>> recommendations(@AuthenticationPrincipal CairnUser user) {
		return recommendations.forTeacher(user);
	}

}
