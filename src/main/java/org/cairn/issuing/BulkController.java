package org.cairn.issuing;

import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.cairn.account.CairnUser;
import org.cairn.account.Role;
import org.cairn.problem.ProblemException;
import org.cairn.template.Template;
import org.cairn.template.TemplateStatus;
import org.cairn.template.Tier;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** District admins award a badge class to many people at once (CSV or JSON) and follow the job's progress. */
@RestController
class BulkController {

	private final ReactiveMongoTemplate mongo;

	private final Issuers issuers;

	private final BulkAwards bulk;

	private final PublicUrls urls;

	BulkController(ReactiveMongoTemplate mongo, Issuers issuers, BulkAwards bulk, PublicUrls urls) {
		this.mongo = mongo;
		this.issuers = issuers;
		this.bulk = bulk;
		this.urls = urls;
	}

	/** The badge classes of a published template: the whole microcredential and each tier awarded separately. */
	@GetMapping("/api/v1/templates/{templateId}/badge-classes")
	Flux<BadgeClassView> badgeClasses(@AuthenticationPrincipal CairnUser user, @PathVariable String templateId) {
		user.require(Role.DISTRICT_ADMIN);
		return mongo.findOne(Query.query(Criteria.where("_id").is(templateId).and("districtId").is(user.districtId())),
				Template.class)
			.switchIfEmpty(Mono.error(() -> ProblemException.notFound("Template " + templateId)))
			.filter(t -> t.status() != TemplateStatus.DRAFT)
			.switchIfEmpty(Mono.error(() -> ProblemException.conflict("template-not-published", "Not published",
					"Only a published template has badges.")))
			.flatMapMany(t -> Flux.concat(Flux.just(new Named(null, t.title())),
					Flux.fromIterable(t.tiers()).filter(Tier::awardedSeparately)
						.map(tier -> new Named(tier.key(), t.title() + ": " + tier.title())))
				.concatMap(named -> issuers.badgeClass(user.districtId(), t.id(), named.tierKey())
					.map(b -> new BadgeClassView(b.id(), urls.badge(b.id()), named.tierKey(), named.name()))));
	}

	@PostMapping(path = "/api/v1/badges/{badgeClassId}/bulk-awards", consumes = "text/csv")
	@ResponseStatus(HttpStatus.ACCEPTED)
	Mono<JobView> bulkFromCsv(@AuthenticationPrincipal CairnUser user, @PathVariable String badgeClassId,
			@RequestBody String csv) {
		user.require(Role.DISTRICT_ADMIN);
		return start(user, badgeClassId, BulkAwards.parseCsv(csv));
	}

	@PostMapping(path = "/api/v1/badges/{badgeClassId}/bulk-awards", consumes = "application/json")
	@ResponseStatus(HttpStatus.ACCEPTED)
	Mono<JobView> bulkFromJson(@AuthenticationPrincipal CairnUser user, @PathVariable String badgeClassId,
			@Valid @RequestBody BulkRequest body) {
		user.require(Role.DISTRICT_ADMIN);
		return start(user, badgeClassId,
				body.recipients().stream().map(r -> new BulkAwards.Row(r.email(), r.name())).toList());
	}

	@GetMapping("/api/v1/bulk-awards/{jobId}")
	Mono<JobView> job(@AuthenticationPrincipal CairnUser user, @PathVariable String jobId) {
		user.require(Role.DISTRICT_ADMIN);
		return bulk.find(user.districtId(), jobId)
			.switchIfEmpty(Mono.error(() -> ProblemException.notFound("Bulk award " + jobId)))
			.map(this::view);
	}

	private Mono<JobView> start(CairnUser user, String badgeClassId, List<BulkAwards.Row> rows) {
		return issuers.badgeClassById(badgeClassId)
			.filter(b -> b.districtId().equals(user.districtId()))
			.switchIfEmpty(Mono.error(() -> ProblemException.notFound("Badge class " + badgeClassId)))
			.flatMap(badge -> bulk.create(user.districtId(), user.personId(), badge, rows))
			.map(this::view);
	}

	private JobView view(BulkJob job) {
		return new JobView(job.id(), urls.badge(job.badgeClassId()), job.total(), job.processed(), job.failed(),
				job.status(), job.createdAt(), job.finishedAt());
	}

	private record Named(String tierKey, String name) {
	}

	record BadgeClassView(String id, String url, String tierKey, String name) {
	}

	record BulkRequest(@NotNull @Size(min = 1, max = BulkAwards.MAX_RECIPIENTS) List<@Valid RecipientRow> recipients) {
	}

	record RecipientRow(@Size(max = 254) String email, @Size(max = 200) String name) {
	}

	record JobView(String id, String badgeClassUrl, int total, int processed, int failed, BulkJob.Status status,
			Instant createdAt, Instant finishedAt) {
	}

}
