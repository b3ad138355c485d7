package org.cairn.report;

import org.cairn.account.CairnUser;
import org.cairn.account.Role;
import reactor.core.publisher.Mono;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** District admins' reports, always of the caller's own district, read from their kept snapshots. */
@RestController
@RequestMapping("/api/v1/reports")
class ReportController {

	private final ReportSnapshots reports;

	ReportController(ReportSnapshots reports) {
		this.reports = reports;
	}

	/** Per tier: started, submitted, returned, passed, time to decision; and the completion funnel. */
	@GetMapping("/templates/{id}")
	Mono<TemplateReport> template(@AuthenticationPrincipal CairnUser user, @PathVariable String id) {
		user.require(Role.DISTRICT_ADMIN);
		return reports.template(user.districtId(), id);
	}

	/** Teachers taking part, by school and by years of experience. */
	@GetMapping("/participation")
	Mono<ParticipationReport> participation(@AuthenticationPrincipal CairnUser user) {
		user.require(Role.DISTRICT_ADMIN);
		return reports.participation(user.districtId());
	}

	/** Standards and clusters covered by published microcredentials and by awards earned. */
	@GetMapping("/coverage")
	Mono<CoverageReport> coverage(@AuthenticationPrincipal CairnUser user) {
		user.require(Role.DISTRICT_ADMIN);
		return reports.coverage(user.districtId());
	}

	/** The district's needs (its latest survey) against what its teachers plan, pursue and earn, by school. */
	@GetMapping("/needs")
	Mono<NeedsReport> needs(@AuthenticationPrincipal CairnUser user) {
		user.require(Role.DISTRICT_ADMIN);
		return reports.needs(user.districtId());
	}

	/**
	 * Computes the district's reports again now. They are kept current by the changes the features announce; this is
	 * for a change made to the store by hand (a restore, a script), and is safe to repeat.
	 */
	@PostMapping("/rebuild")
	Mono<ReportSnapshots.Rebuilt> rebuild(@AuthenticationPrincipal CairnUser user) {
		user.require(Role.DISTRICT_ADMIN);
		return reports.rebuild(user.districtId());
	}

}
