package org.cairn.transcript;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.cairn.district.District;
import org.cairn.enrollment.FiscalYear;
import org.cairn.issuing.BadgeRecords;
import org.cairn.issuing.BadgeRecords.IssuedBadge;
import org.cairn.paging.ListPage;
import org.cairn.template.Template;
import org.cairn.template.TemplateCatalog;
import org.cairn.template.Tier;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/** Credits per badge and per fiscal year, read from the store on every call (nothing kept per instance). */
@Service
class Credits {

	private final BadgeRecords badges;

	private final TemplateCatalog templates;

	private final ReactiveMongoTemplate mongo;

	private final Clock clock;

	Credits(BadgeRecords badges, TemplateCatalog templates, ReactiveMongoTemplate mongo, Clock clock) {
		this.badges = badges;
		this.templates = templates;
		this.mongo = mongo;
		this.clock = clock;
	}

	Mono<CreditSettings> settings(String districtId) {
		return mongo.findById(districtId, CreditSettings.class).defaultIfEmpty(CreditSettings.defaults(districtId));
	}

	/** Replaces the settings; the same body twice is one effect. */
	Mono<CreditSettings> update(String districtId, String creditName, List<Integer> reminderDays) {
		CreditSettings wanted = new CreditSettings(districtId, creditName, reminderDays);
		return mongo.findAndModify(Query.query(Criteria.where("_id").is(districtId)),
				new Update().set("creditName", wanted.creditName()).set("reminderDays", wanted.reminderDays()),
				FindAndModifyOptions.options().upsert(true).returnNew(true), CreditSettings.class);
	}

	/** A person's badges that are not revoked, newest first, each with its credits and fiscal year. */
	Flux<CreditedBadge> of(District district, String personId) {
		Instant now = clock.instant();
		return renewals(Criteria.where("districtId").is(district.id()).and("personId").is(personId))
			.flatMapMany(links -> badges.notRevokedOf(district.id(), personId)
				.concatMap(b -> credited(district, b, now, links)));
	}

	/** Every badge the district issued in {@code [from, to)} and has not revoked, oldest first. */
	Flux<CreditedBadge> issuedIn(District district, Instant from, Instant to) {
		Instant now = clock.instant();
		return renewals(Criteria.where("districtId").is(district.id()))
			.flatMapMany(links -> badges.issuedIn(district.id(), from, to)
				.concatMap(b -> credited(district, b, now, links)));
	}

	/** The district's badges, not revoked, expiring in {@code (from, to]}, soonest first. */
	Flux<CreditedBadge> expiringIn(District district, Instant from, Instant to, ListPage page) {
		Instant now = clock.instant();
		return renewals(Criteria.where("districtId").is(district.id()))
			.flatMapMany(links -> badges.expiringBetween(district.id(), from, to, page)
				.concatMap(b -> credited(district, b, now, links)));
	}

	/** Renewal links, by the renewed badge's id. */
	private Mono<Map<String, Renewals.Renewal>> renewals(Criteria which) {
		return mongo.find(Query.query(which), Renewals.Renewal.class)
			.collectMap(Renewals.Renewal::renewedAssertionId);
	}

	private Mono<CreditedBadge> credited(District district, IssuedBadge b, Instant now,
			Map<String, Renewals.Renewal> links) {
		boolean renewed = links.containsKey(b.assertionId());
		String renews = links.values()
			.stream()
			.filter(r -> r.newAwardId().equals(b.awardId()))
			.map(Renewals.Renewal::renewedAssertionId)
			.findFirst()
			.orElse(null);
		String year = FiscalYear.of(district, b.issuedOn()).label();
		return templates.find(district.id(), b.templateId())
			// a renewal credits nothing: the hours were counted when the badge was first earned
			.map(t -> new CreditedBadge(b, name(t, b.tierKey()), renews != null ? 0 : credits(t, b.tierKey()), year,
					b.expiredAt(now), renewed, renews))
			.defaultIfEmpty(new CreditedBadge(b, "Badge", 0, year, b.expiredAt(now), renewed, renews));
	}

	/**
	 * A tier badge credits its tier. The whole microcredential's badge credits the tiers that earn no badge of
	 * their own (Derry's sections), or every tier when each has its own badge and this one was awarded in bulk:
	 * no credit is ever counted twice for one teacher's pass.
	 */
	static double credits(Template t, String tierKey) {
		if (tierKey != null) {
			return t.tier(tierKey).map(Tier::creditsOrZero).orElse(0.0);
		}
		List<Tier> counted = t.tiers().stream().filter(tier -> !tier.awardedSeparately()).toList();
		return (counted.isEmpty() ? t.tiers() : counted).stream().mapToDouble(Tier::creditsOrZero).sum();
	}

	/** The same name the BadgeClass carries. */
	static String name(Template t, String tierKey) {
		return tierKey == null ? t.title()
				: t.tier(tierKey).map(tier -> t.title() + ": " + tier.title()).orElse(t.title());
	}

	/** Totals by fiscal year, newest year first. */
	static List<YearTotal> byYear(List<CreditedBadge> badges) {
		Map<String, double[]> totals = new LinkedHashMap<>();
		badges.stream()
			.sorted((a, b) -> b.fiscalYear().compareTo(a.fiscalYear()))
			.forEach(b -> totals.computeIfAbsent(b.fiscalYear(), y -> new double[2])[0] += b.credits());
		badges.forEach(b -> totals.get(b.fiscalYear())[1]++);
		List<YearTotal> out = new ArrayList<>();
		totals.forEach((year, t) -> out.add(new YearTotal(year, round(t[0]), (int) t[1])));
		return out;
	}

	record YearTotal(String fiscalYear, double credits, int badges) {
	}

	static double round(double credits) {
		return Math.round(credits * 100) / 100.0;
	}

	/** Credits as people write them: 8, 7.5, 0.25. */
	static String format(double credits) {
		double r = round(credits);
		return r == Math.rint(r) ? String.valueOf((long) r) : String.valueOf(r);
	}

}
