package org.cairn.sharing;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.cairn.account.CairnUser;
import org.cairn.account.Person;
import org.cairn.account.PersonRepository;
import org.cairn.account.SecretTokens;
import org.cairn.district.District;
import org.cairn.district.DistrictRepository;
import org.cairn.issuing.Assertions;
import org.cairn.issuing.PublicUrls;
import org.cairn.problem.ProblemException;
import org.cairn.system.EntityTag;
import org.cairn.template.Template;
import org.cairn.template.TemplateLookup;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * A teacher's public portfolio: a switch on "My badges" and a public page listing their current badges. Everything
 * is read from the store per request (no instance memory), so switching off takes effect at once on every instance.
 */
@RestController
class PortfolioController {

	private static final Portfolio OFF = new Portfolio(false, null, null);

	private final ReactiveMongoTemplate mongo;

	private final TemplateLookup templates;

	private final Assertions assertions;

	private final PersonRepository people;

	private final DistrictRepository districts;

	private final PublicUrls urls;

	private final Clock clock;

	private final JsonMapper json;

	PortfolioController(ReactiveMongoTemplate mongo, TemplateLookup templates, Assertions assertions,
			PersonRepository people, DistrictRepository districts, PublicUrls urls, Clock clock, JsonMapper json) {
		this.json = json;
		this.mongo = mongo;
		this.templates = templates;
		this.assertions = assertions;
		this.people = people;
		this.districts = districts;
		this.urls = urls;
		this.clock = clock;
	}

	@GetMapping("/api/v1/me/portfolio")
	Mono<Portfolio> mine(@AuthenticationPrincipal CairnUser user) {
		return mongo.findById(user.personId(), PortfolioRecord.class).map(this::view).defaultIfEmpty(OFF);
	}

	/** Idempotent: the same body twice is one effect; the slug is set only when the record is first created. */
	@PutMapping("/api/v1/me/portfolio")
	Mono<Portfolio> update(@AuthenticationPrincipal CairnUser user, @Valid @RequestBody PortfolioSettings body) {
		String headline = body.headline() == null || body.headline().isBlank() ? null : body.headline().strip();
		Update update = new Update().set("districtId", user.districtId())
			.set("enabled", body.enabled())
			.set("headline", headline)
			.set("updatedAt", Instant.now(clock))
			.setOnInsert("slug", SecretTokens.generate("p"));
		return mongo.findAndModify(Query.query(Criteria.where("_id").is(user.personId())), update,
				FindAndModifyOptions.options().upsert(true).returnNew(true), PortfolioRecord.class)
			.map(this::view);
	}

	@GetMapping("/public/portfolios/{slug}")
	Mono<ResponseEntity<byte[]>> publicPortfolio(@PathVariable String slug, @RequestHeader HttpHeaders request) {
		// kept by caches only to be revalidated on every use: switching the portfolio off hides it at once
		CacheControl cache = CacheControl.noCache();
		return mongo.findOne(Query.query(Criteria.where("slug").is(slug).and("enabled").is(true)),
				PortfolioRecord.class)
			.flatMap(this::publicView)
			.switchIfEmpty(Mono.error(() -> ProblemException.notFound("Portfolio")))
			.map(view -> {
				byte[] body = json.writeValueAsBytes(view);
				EntityTag tag = EntityTag.of(body);
				return tag.matchedBy(request) ? tag.notModified(cache)
						: ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).eTag(tag.header())
							.cacheControl(cache).body(body);
			});
	}

	private Mono<PublicPortfolio> publicView(PortfolioRecord portfolio) {
		Mono<Person> person = people.findById(portfolio.personId())
			.filter(p -> p.active() && portfolio.districtId().equals(p.districtId()));
		Mono<District> district = districts.findById(portfolio.districtId());
		return Mono.zip(person, district)
			.flatMap(found -> badges(portfolio).collectList()
				.map(badges -> new PublicPortfolio(found.getT1().displayName(), found.getT2().name(),
						portfolio.headline(), badges)));
	}

	private Flux<PortfolioBadge> badges(PortfolioRecord portfolio) {
		return assertions.current(portfolio.districtId(), portfolio.personId())
			.concatMap(a -> templates.byId(a.templateId())
				.map(t -> t.badgeName(a.tierKey()))
				.defaultIfEmpty("Badge")
				.map(name -> new PortfolioBadge(a.id(), name, urls.badgeImage(a.badgeClassId()), a.issuedOn(),
						a.expires(), urls.assertion(a.id()))));
	}

	private Portfolio view(PortfolioRecord record) {
		return new Portfolio(record.enabled(), record.headline(),
				record.enabled() ? urls.portfolio(record.slug()) : null);
	}

	record PortfolioSettings(@NotNull Boolean enabled, @Size(max = 140) String headline) {
	}

	/** {@code url} is the public page's address, only while enabled. */
	record Portfolio(boolean enabled, String headline, String url) {
	}

	record PublicPortfolio(String displayName, String districtName, String headline, List<PortfolioBadge> badges) {
	}

	record PortfolioBadge(String id, String name, String imageUrl, Instant issuedOn, Instant expires,
			String assertionUrl) {
	}

}
