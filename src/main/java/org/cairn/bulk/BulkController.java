package org.cairn.bulk;

import java.time.Instant;
import java.util.List;

import org.cairn.account.CairnUser;
import org.cairn.account.Role;
import org.cairn.csv.CsvUpload;
import org.cairn.issuing.Issuers;
import org.cairn.issuing.PublicUrls;
import org.cairn.problem.CommonProblem;
import org.cairn.problem.ProblemException;
import org.cairn.template.TemplateLookup;
import org.cairn.template.TemplateProblem;
import org.cairn.template.TemplateStatus;
import org.cairn.template.Tier;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.buffer.DataBuffer;
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

	/** 20,000 rows of a long email and name; a typical CSV of that many people is under 1 MB. */
	static final int MAX_UPLOAD_BYTES = 8_000_000;

	private final TemplateLookup templates;

	private final Issuers issuers;

	private final BulkAwards bulk;

	private final PublicUrls urls;

	private final JsonMapper json;

	BulkController(TemplateLookup templates, Issuers issuers, BulkAwards bulk, PublicUrls urls, JsonMapper json) {
		this.templates = templates;
		this.issuers = issuers;
		this.bulk = bulk;
		this.urls = urls;
		this.json = json;
	}

	/** The badge classes of a published template: the whole microcredential and each tier awarded separately. */
	@GetMapping("/api/v1/templates/{templateId}/badge-classes")
	Flux<BadgeClassView> badgeClasses(@AuthenticationPrincipal CairnUser user, @PathVariable String templateId) {
		user.require(Role.DISTRICT_ADMIN);
		return templates.get(user.districtId(), templateId)
			.filter(t -> t.status() != TemplateStatus.DRAFT)
			.switchIfEmpty(Mono.error(() -> ProblemException.of(TemplateProblem.TEMPLATE_NOT_PUBLISHED, "template-not-published")))
			.flatMapMany(t -> Flux.concat(Flux.just(new Named(null, t.title())),
					Flux.fromIterable(t.tiers()).filter(Tier::awardedSeparately)
						.map(tier -> new Named(tier.key(), t.badgeName(tier.key()))))
				.concatMap(named -> issuers.badgeClass(user.districtId(), t.id(), named.tierKey())
					.map(b -> new BadgeClassView(b.id(), urls.badge(b.id()), named.tierKey(), named.name()))));
	}

	@PostMapping(path = "/api/v1/badges/{badgeClassId}/bulk-awards", consumes = "text/csv")
	@ResponseStatus(HttpStatus.ACCEPTED)
	Mono<JobView> bulkFromCsv(@AuthenticationPrincipal CairnUser user, @PathVariable String badgeClassId,
			@RequestBody Flux<DataBuffer> body) {
		user.require(Role.DISTRICT_ADMIN);
		return CsvUpload.text(body, MAX_UPLOAD_BYTES, "A recipient list").map(BulkAwards::parseCsv)
			.flatMap(rows -> start(user, badgeClassId, rows));
	}

	@PostMapping(path = "/api/v1/badges/{badgeClassId}/bulk-awards", consumes = "application/json")
	@ResponseStatus(HttpStatus.ACCEPTED)
	Mono<JobView> bulkFromJson(@AuthenticationPrincipal CairnUser user, @PathVariable String badgeClassId,
			@RequestBody Flux<DataBuffer> body) {
		user.require(Role.DISTRICT_ADMIN);
		return CsvUpload.bytes(body, MAX_UPLOAD_BYTES, "A recipient list").map(this::parseJson)
			.flatMap(request -> start(user, badgeClassId,
					request.recipients().stream()
						.map(r -> new BulkAwards.Uploaded(new BulkAwards.Row(r.email(), r.name()), 0))
						.toList()));
	}

	private BulkRequest parseJson(byte[] bytes) {
		BulkRequest request;
		try {
			request = json.readValue(bytes, BulkRequest.class);
		}
		catch (JacksonException ex) {
			throw ProblemException.of(CommonProblem.MALFORMED_REQUEST, "malformed-request");
		}
		if (request == null || request.recipients() == null) {
			throw ProblemException.invalid("recipients", "Required.");
		}
		return request;
	}

	@GetMapping("/api/v1/bulk-awards/{jobId}")
	Mono<JobView> job(@AuthenticationPrincipal CairnUser user, @PathVariable String jobId) {
		user.require(Role.DISTRICT_ADMIN);
		return bulk.find(user.districtId(), jobId)
			.switchIfEmpty(Mono.error(() -> ProblemException.notFound("Bulk award " + jobId)))
			.map(this::view);
	}

	/** The recipients that could not be awarded and why; uploading the list again retries only them. */
	@GetMapping("/api/v1/bulk-awards/{jobId}/failures")
	Flux<BulkChunk.Result> failures(@AuthenticationPrincipal CairnUser user, @PathVariable String jobId) {
		user.require(Role.DISTRICT_ADMIN);
		return bulk.find(user.districtId(), jobId)
			.switchIfEmpty(Mono.error(() -> ProblemException.notFound("Bulk award " + jobId)))
			.flatMapMany(bulk::failures);
	}

	private Mono<JobView> start(CairnUser user, String badgeClassId, List<BulkAwards.Uploaded> rows) {
		return issuers.badgeClassById(badgeClassId)
			.filter(b -> b.districtId().equals(user.districtId()))
			.switchIfEmpty(Mono.error(() -> ProblemException.notFound("Badge class " + badgeClassId)))
			.flatMap(badge -> bulk.create(user.districtId(), user.personId(), user.email(), badge, rows))
			.map(this::view);
	}

	private JobView view(BulkJob job) {
		return new JobView(job.id(), job.badgeClassId(), urls.badge(job.badgeClassId()), job.total(), job.done(),
				job.failed(), job.done() + job.failed(), job.status(), job.createdAt(), job.finishedAt());
	}

	private record Named(String tierKey, String name) {
	}

	record BadgeClassView(String id, String url, String tierKey, String name) {
	}

	/** Sizes and formats are checked row by row in {@link BulkAwards#create}, which names the failing rows. */
	record BulkRequest(List<RecipientRow> recipients) {
	}

	record RecipientRow(String email, String name) {
	}

	/** @param processed recipients handled so far, {@code done + failed} (what a progress bar shows) */
	record JobView(String id, String badgeClassId, String badgeClassUrl, int total, int done, int failed,
			int processed, BulkJob.Status status, Instant createdAt, Instant finishedAt) {
	}

}
