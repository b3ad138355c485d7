package org.cairn.endorsement;

import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.cairn.account.CairnUser;
import org.cairn.account.Role;
import org.cairn.district.District;
import org.cairn.district.Districts;
import org.cairn.endorsement.StoredEndorsement.Decision;
import org.cairn.issuing.IssuedBadges;
import org.cairn.issuing.Issuers;
import org.cairn.openbadges.HostedDocuments;
import org.cairn.problem.ProblemException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A district administrator's endorsements: what other districts (or issuers elsewhere) can be endorsed, endorsing,
 * the endorsements the district made (withdraw) and received (accept or hide). Always scoped to the caller's own
 * district: an id of another district's endorsement answers 404.
 */
@RestController
class EndorsementController {

	private final Endorsing endorsing;

	private final ReactiveMongoTemplate mongo;

	private final EndorsementUrls urls;

	private final Districts districts;

	private final Issuers issuers;

	private final HostedDocuments hosted;

	private final IssuedBadges badges;

	EndorsementController(Endorsing endorsing, ReactiveMongoTemplate mongo, EndorsementUrls urls,
			Districts districts, Issuers issuers, HostedDocuments hosted, IssuedBadges badges) {
		this.badges = badges;
		this.endorsing = endorsing;
		this.mongo = mongo;
		this.urls = urls;
		this.districts = districts;
		this.issuers = issuers;
		this.hosted = hosted;
	}

	record NewEndorsement(@NotBlank @Size(max = 2000) String target, @Size(max = 2000) String comment) {
	}

	record DecisionRequest(@NotBlank String decision) {
	}

	record Withdrawal(@Size(max = 500) String reason) {
	}

	/** Another Cairn district with its issuer and the badges it has issued: what the picker offers. */
	record TargetDistrict(String name, String issuerUrl, List<TargetBadge> badges) {
	}

	record TargetBadge(String url, String name) {
	}

	/**
	 * @param status {@code pending}, {@code accepted}, {@code hidden}, or {@code external} (an issuer elsewhere,
	 *     nobody to accept it); {@code withdrawn} is separate
	 */
	record EndorsementView(String id, String url, String credentialUrl, String jwsUrl, String endorserName,
			String endorserIssuerId, String target, String targetKind, String targetName, String targetDistrictName,
			String comment, Instant issuedOn, String status, Instant decidedAt, boolean withdrawn,
			Instant withdrawnAt, String withdrawalReason) {
	}

	@GetMapping("/api/v1/endorsements/targets")
	Flux<TargetDistrict> targets(@AuthenticationPrincipal CairnUser user) {
		user.require(Role.DISTRICT_ADMIN);
		return districts.all()
			.sort(java.util.Comparator.comparing(District::name, String.CASE_INSENSITIVE_ORDER))
			.filter(d -> !d.id().equals(user.districtId()))
			.concatMap(d -> issuers.badgeClassesOf(d.id())
				.concatMap(record -> hosted.find(java.net.URI.create(urls.own("/public/badges/" + record.id())))
					.map(badge -> new TargetBadge(Nodes.text(badge, "id"), Nodes.text(badge, "name"))))
				.sort(java.util.Comparator.comparing(TargetBadge::name, String.CASE_INSENSITIVE_ORDER))
				.collectList()
				.zipWith(issuerUrl(d.id()))
				.map(t -> new TargetDistrict(d.name(), t.getT2(), t.getT1())));
	}

	@PostMapping("/api/v1/endorsements")
	Mono<ResponseEntity<EndorsementView>> endorse(@AuthenticationPrincipal CairnUser user,
			@Valid @RequestBody NewEndorsement body) {
		user.require(Role.DISTRICT_ADMIN);
		return endorsing.endorse(user.districtId(), body.target(), body.comment())
			.map(made -> ResponseEntity.status(made.created() ? HttpStatus.CREATED : HttpStatus.OK)
				.body(view(made.endorsement())));
	}

	@GetMapping("/api/v1/endorsements/sent")
	Flux<EndorsementView> sent(@AuthenticationPrincipal CairnUser user) {
		user.require(Role.DISTRICT_ADMIN);
		return mongo.find(Query.query(Criteria.where("endorserDistrictId").is(user.districtId()))
			.with(Sort.by(Sort.Direction.DESC, "issuedOn")).limit(500), StoredEndorsement.class).map(this::view);
	}

	@GetMapping("/api/v1/endorsements/incoming")
	Flux<EndorsementView> incoming(@AuthenticationPrincipal CairnUser user) {
		user.require(Role.DISTRICT_ADMIN);
		return mongo.find(Query.query(Criteria.where("targetDistrictId").is(user.districtId()))
			.with(Sort.by(Sort.Direction.DESC, "issuedOn")).limit(500), StoredEndorsement.class).map(this::view);
	}

	/** {@code {"decision": "accept" | "hide"}}; repeating a decision answers it as it stands. */
	@PutMapping("/api/v1/endorsements/incoming/{id}")
	Mono<EndorsementView> decide(@AuthenticationPrincipal CairnUser user, @PathVariable String id,
			@Valid @RequestBody DecisionRequest body) {
		user.require(Role.DISTRICT_ADMIN);
		Decision decision = switch (body.decision().strip().toLowerCase(java.util.Locale.ROOT)) {
			case "accept", "accepted" -> Decision.ACCEPTED;
			case "hide", "hidden" -> Decision.HIDDEN;
			default -> throw ProblemException.invalid("decision", "must be accept or hide");
		};
		return endorsing.decide(user.districtId(), id, decision).map(this::view);
	}

	@PostMapping("/api/v1/endorsements/sent/{id}/withdraw")
	Mono<EndorsementView> withdraw(@AuthenticationPrincipal CairnUser user, @PathVariable String id,
			@Valid @RequestBody(required = false) Withdrawal body) {
		user.require(Role.DISTRICT_ADMIN);
		return endorsing.withdraw(user.districtId(), id, body == null ? null : body.reason()).map(this::view);
	}

	/** The district's issuer id as its public documents name it (made on first need, as issuing does). */
	private Mono<String> issuerUrl(String districtId) {
		return badges.issuerOfDistrict(districtId).map(i -> i.profile().id());
	}

	EndorsementView view(StoredEndorsement e) {
		return new EndorsementView(e.id(), urls.endorsement(e.id()), urls.credential(e.id()),
				e.jws() == null ? null : urls.jws(e.id()), e.endorserName(), e.endorserIssuerId(), e.claimId(),
				e.targetKind() == StoredEndorsement.TargetKind.ISSUER ? "issuer" : "badge", e.targetName(),
				e.targetDistrictName(), e.comment(), e.issuedOn(),
				e.decision().name().toLowerCase(java.util.Locale.ROOT), e.decidedAt(), e.withdrawn(), e.withdrawnAt(),
				e.withdrawalReason());
	}

}
