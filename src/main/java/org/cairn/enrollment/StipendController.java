package org.cairn.enrollment;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.cairn.account.CairnUser;
import org.cairn.account.Person;
import org.cairn.account.PersonRepository;
import org.cairn.account.Role;
import org.cairn.csv.CsvField;
import org.cairn.district.DistrictRepository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Stipends earned: the teacher's own, and the payroll export for admins. */
@RestController
@RequestMapping("/api/v1")
class StipendController {

	private static final MediaType CSV = new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);

	private final ReactiveMongoTemplate mongo;

	private final PersonRepository people;

	private final DistrictRepository districts;

	private final Clock clock;

	StipendController(ReactiveMongoTemplate mongo, PersonRepository people, DistrictRepository districts,
			Clock clock) {
		this.clock = clock;
		this.mongo = mongo;
		this.people = people;
		this.districts = districts;
	}

	@GetMapping("/stipends")
	Flux<Stipend> mine(@AuthenticationPrincipal CairnUser user) {
		return mongo.find(Query.query(Criteria.where("districtId").is(user.districtId())
			.and("personId")
			.is(user.personId())).with(Sort.by("earnedAt")), Stipend.class);
	}

	/**
	 * Stipends earned from {@code from} to {@code to} inclusive (dates in the district's time zone), one row per
	 * passed tier, for payroll. Without dates: the current fiscal year to today (a link without its dates used to
	 * fail with a bare 400).
	 */
	@GetMapping("/stipends.csv")
	Mono<ResponseEntity<String>> export(@AuthenticationPrincipal CairnUser user,
			@RequestParam(name = "from", required = false) LocalDate fromDate,
			@RequestParam(name = "to", required = false) LocalDate toDate) {
		user.require(Role.DISTRICT_ADMIN);
		return districts.findById(user.districtId()).flatMap(district -> {
			PayPeriod period = PayPeriod.of(district, clock, fromDate, toDate);
			Query inPeriod = Query.query(Criteria.where("districtId").is(user.districtId())
				.and("earnedAt")
				.gte(period.start())
				.lt(period.end())).with(Sort.by("earnedAt"));
			Mono<Map<String, Person>> byId = people.findByDistrictId(user.districtId())
				.collect(Collectors.toMap(Person::id, Function.identity()));
			return byId.flatMap(persons -> mongo.find(inPeriod, Stipend.class)
				.map(s -> row(s, persons.get(s.personId()), period.zone()))
				.collect(Collectors.joining()))
				.map(rows -> ResponseEntity.ok()
					.contentType(CSV)
					.header(HttpHeaders.CONTENT_DISPOSITION,
							"attachment; filename=\"stipends-" + period.from() + "-to-" + period.to() + ".csv\"")
					.body(HEADER + rows));
		});
	}

	static final String HEADER = "earned_on,person_email,person_name,school,microcredential,tier,amount,funding_source,fiscal_year\r\n";

	private static String row(Stipend s, Person p, ZoneId zone) {
		return String.join(",", s.earnedAt().atZone(zone).toLocalDate().toString(), csv(p == null ? "" : p.email()),
				csv(p == null ? "" : p.displayName()), csv(p == null ? "" : p.school()), csv(s.templateTitle()),
				csv(s.tierTitle() == null ? s.tierKey() : s.tierTitle()),
				String.format(Locale.ROOT, "%d.%02d", s.cents() / 100, s.cents() % 100), csv(s.fundingSource()),
				csv(s.fiscalYear())) + "\r\n";
	}

	/**
	 * RFC 4180 quoting, and a leading apostrophe for cells a spreadsheet would run as a formula (CSV injection).
	 */
	static String csv(String value) {
		return CsvField.escape(value);
	}

}
