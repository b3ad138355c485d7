package org.cairn.transcript;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.cairn.account.CairnUser;
import org.cairn.language.Language;
import org.cairn.account.Person;
import org.cairn.account.PersonRepository;
import org.cairn.account.Role;
import org.cairn.csv.CsvField;
import org.cairn.district.District;
import org.cairn.district.DistrictRepository;
import org.cairn.enrollment.FiscalYear;
import org.cairn.issuing.BadgeRecords;
import org.cairn.mail.HeaderText;
import org.cairn.paging.ListPage;
import org.cairn.problem.ProblemException;
import org.cairn.system.CairnProperties;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * A teacher's hours and transcript, and the administrator's hours export. Everything is computed from the issued
 * badges on each request, so a revoked badge leaves every total at once, on every instance.
 */
@RestController
class TranscriptController {

	private static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

	private static final Pattern FISCAL_YEAR = Pattern.compile("FY(\\d{4})");

	private final Credits credits;

	private final Renewals renewals;

	private final TranscriptPdf pdf;

	private final TeacherRenewals teacherRenewals;

	private final BadgeRecords badges;

	private final DistrictRepository districts;

	private final PersonRepository people;

	private final CairnProperties cairn;

	private final Clock clock;

	TranscriptController(Credits credits, Renewals renewals, TeacherRenewals teacherRenewals, TranscriptPdf pdf,
			BadgeRecords badges, DistrictRepository districts, PersonRepository people, CairnProperties cairn,
			Clock clock) {
		this.credits = credits;
		this.teacherRenewals = teacherRenewals;
		this.renewals = renewals;
		this.pdf = pdf;
		this.badges = badges;
		this.districts = districts;
		this.people = people;
		this.cairn = cairn;
		this.clock = clock;
	}

	/**
	 * @param reminderDays days before expiry a badge's holder is reminded (1-365, at most 5); absent: 60, 30, 7
	 */
	record Settings(@NotBlank @Size(max = 60) @HeaderText String creditName,
			@Size(max = 5, message = "at most 5 reminders") List<@NotNull @Min(1) @Max(365) Integer> reminderDays) {
	}

	/** {@code renewed}: a later badge renews this one; {@code renews}: the id of the badge this one renews. */
	record HoursBadge(String assertionId, String name, double credits, String fiscalYear, Instant issuedOn,
			Instant expires, boolean expired, boolean renewed, String renews, String verificationUrl,
			String certificateUrl) {
	}

	/** {@code years} newest first; {@code badges} newest first, expired ones included and marked. */
	record Hours(String creditName, String currentFiscalYear, List<Credits.YearTotal> years, List<HoursBadge> badges,
			String transcriptUrl) {
	}

	@GetMapping("/api/v1/hours/settings")
	Mono<Settings> settings(@AuthenticationPrincipal CairnUser user) {
		return credits.settings(user.districtId()).map(TranscriptController::view);
	}

	@PutMapping("/api/v1/hours/settings")
	Mono<Settings> update(@AuthenticationPrincipal CairnUser user, @Valid @RequestBody Settings body) {
		user.require(Role.DISTRICT_ADMIN);
		return credits.update(user.districtId(), body.creditName().strip(), body.reminderDays())
			.map(TranscriptController::view);
	}

	private static Settings view(CreditSettings s) {
		return new Settings(s.creditName(), s.reminderDays());
	}

	@GetMapping("/api/v1/me/hours")
	Mono<Hours> mine(@AuthenticationPrincipal CairnUser user) {
		return district(user).flatMap(district -> Mono.zip(credits.settings(district.id()),
				credits.of(district, user.personId()).collectList()).map(found -> {
					List<CreditedBadge> list = found.getT2();
					return new Hours(found.getT1().creditName(), FiscalYear.of(district, clock.instant()).label(),
							Credits.byYear(list),
							list.stream()
								.map(b -> new HoursBadge(b.badge().assertionId(), b.name(), Credits.round(b.credits()),
										b.fiscalYear(), b.issuedOn(), b.badge().expires(), b.expired(), b.renewed(),
										b.renews(), b.badge().verificationUrl(), b.badge().certificateUrl()))
								.toList(),
							"/api/v1/me/transcript.pdf");
				}));
	}

	@GetMapping("/api/v1/me/transcript.pdf")
	Mono<ResponseEntity<byte[]>> transcript(@AuthenticationPrincipal CairnUser user) {
		return district(user).flatMap(district -> Mono
			.zip(credits.settings(district.id()), credits.of(district, user.personId()).collectList(),
					badges.signatory(district.id()))
			.map(found -> new TranscriptPdf.Content(district.name(), district.brandColor(), user.displayName(),
					user.email(), found.getT1().creditName(), found.getT2(), Credits.byYear(found.getT2()),
					found.getT3().name(), found.getT3().title(), clock.instant(), zone(district),
					cairn.publicUrl("/verify"), Language.first(user.language(), district.language())))
			.publishOn(Schedulers.boundedElastic())
			.map(pdf::render)
			.map(bytes -> ResponseEntity.ok()
				.contentType(MediaType.APPLICATION_PDF)
				// personal: never kept by a shared cache
				.cacheControl(CacheControl.noStore())
				.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"transcript-"
						+ LocalDate.ofInstant(clock.instant(), zone(district)) + ".pdf\"")
				.body(bytes)));
	}

	/**
	 * Credits per teacher for a period, for the state's license-renewal reporting: {@code fiscalYear=FY2027}, or
	 * {@code from}/{@code to} dates inclusive in the district's time zone; without either, the current fiscal year.
	 */
	@GetMapping("/api/v1/hours/export.csv")
	Mono<ResponseEntity<String>> export(@AuthenticationPrincipal CairnUser user,
			@RequestParam(required = false) String fiscalYear, @RequestParam(required = false) LocalDate from,
			@RequestParam(required = false) LocalDate to) {
		user.require(Role.DISTRICT_ADMIN);
		return district(user).flatMap(district -> {
			ZoneId zone = zone(district);
			LocalDate first;
			LocalDate last;
			if (fiscalYear != null) {
				var m = FISCAL_YEAR.matcher(fiscalYear.strip().toUpperCase(java.util.Locale.ROOT));
				if (!m.matches() || from != null || to != null) {
					return Mono.error(ProblemException.invalid("fiscalYear",
							"give a fiscal year such as FY2027, or from and to dates, not both"));
				}
				FiscalYear year = new FiscalYear(Integer.parseInt(m.group(1)));
				first = year.firstDay(district.fiscalYearStartMonth());
				last = new FiscalYear(year.endingYear() + 1).firstDay(district.fiscalYearStartMonth()).minusDays(1);
			}
			else {
				FiscalYear current = FiscalYear.of(district, clock.instant());
				first = from != null ? from : current.firstDay(district.fiscalYearStartMonth());
				last = to != null ? to
						: new FiscalYear(current.endingYear() + 1).firstDay(district.fiscalYearStartMonth())
							.minusDays(1);
			}
			if (last.isBefore(first)) {
				return Mono.error(ProblemException.invalid("to", "the end date is before the start date"));
			}
			Instant start = first.atStartOfDay(zone).toInstant();
			Instant end = last.plusDays(1).atStartOfDay(zone).toInstant();
			Mono<Map<String, Person>> byId = people.findByDistrictId(district.id())
				.collect(Collectors.toMap(Person::id, Function.identity()));
			return Mono.zip(credits.settings(district.id()), byId,
					credits.issuedIn(district, start, end).collectList())
				.map(found -> csv(found.getT1().creditName(), found.getT2(), found.getT3(), first, last))
				.map(body -> ResponseEntity.ok()
					.contentType(CSV)
					.cacheControl(CacheControl.noStore())
					.header(HttpHeaders.CONTENT_DISPOSITION,
							"attachment; filename=\"hours-" + first + "-to-" + last + ".csv\"")
					.body(body));
		});
	}

	/** One badge in the expiry report. */
	record Expiring(String assertionId, String personEmail, String personName, String badge, Instant expires,
			long daysLeft, boolean renewed) {
	}

	/**
	 * Renews a badge: the same badge issued again with a new validity, linked to this one. For the administrator,
	 * once the teacher has done what the district asks for renewal. Retrying is the same renewal.
	 */
	@PostMapping("/api/v1/hours/renewals/{assertionId}")
	@ResponseStatus(HttpStatus.CREATED)
	Mono<Renewals.Renewed> renew(@AuthenticationPrincipal CairnUser user, @PathVariable String assertionId) {
		user.require(Role.DISTRICT_ADMIN);
		return renewals.renew(user.districtId(), assertionId, user.personId());
	}

	/** Where the renewal of one of the caller's badges stands: when it opens, its path, the enrolment once started. */
	@GetMapping("/api/v1/me/renewals/{assertionId}")
	Mono<TeacherRenewals.RenewalView> renewal(@AuthenticationPrincipal CairnUser user,
			@PathVariable String assertionId) {
		return teacherRenewals.view(user, assertionId);
	}

	/**
	 * The teacher starts renewing their own badge: 201 with the renewal enrolment (evidence and review follow as for
	 * any tier), 200 with the same one when started before.
	 */
	@PostMapping("/api/v1/me/renewals/{assertionId}")
	Mono<ResponseEntity<TeacherRenewals.Started>> startRenewal(@AuthenticationPrincipal CairnUser user,
			@PathVariable String assertionId) {
		return teacherRenewals.start(user, assertionId)
			.map(s -> ResponseEntity.status(s.created() ? HttpStatus.CREATED : HttpStatus.OK).body(s));
	}

	/**
	 * What expires when: the district's badges (not revoked) that expire in the next {@code days} days (1-1830,
	 * default 90), soonest first, for planning renewals.
	 */
	@GetMapping("/api/v1/hours/expiring")
	Mono<List<Expiring>> expiring(@AuthenticationPrincipal CairnUser user,
			@RequestParam(defaultValue = "90") int days, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = ListPage.DEFAULT_SIZE) int size) {
		user.require(Role.DISTRICT_ADMIN);
		if (days < 1 || days > 1830) {
			return Mono.error(ProblemException.invalid("days", "must be from 1 to 1830 (five years)"));
		}
		ListPage onePage = ListPage.of(page, size);
		Instant now = clock.instant();
		return district(user).flatMap(district -> credits
			.expiringIn(district, now, now.plus(java.time.Duration.ofDays(days)), onePage)
			.collectList()
			.flatMap(badges -> people
				.findAllById(badges.stream().map(b -> b.badge().personId()).filter(Objects::nonNull).distinct().toList())
				.filter(p -> district.id().equals(p.districtId()))
				.collect(Collectors.toMap(Person::id, Function.identity()))
				.map(persons -> badges.stream().map(b -> {
					Person p = b.badge().personId() == null ? null : persons.get(b.badge().personId());
					long left = (java.time.Duration.between(now, b.badge().expires()).toHours() + 23) / 24;
					return new Expiring(b.badge().assertionId(),
							p == null ? b.badge().recipientEmail() : p.email(),
							p == null ? b.badge().recipientName() : p.displayName(), b.name(), b.badge().expires(),
							left, b.renewed());
				}).toList())));
	}

	static final String HEADER = "person_email,person_name,school,credit_type,period_start,period_end,credits,badges\r\n";

	/** One row per teacher with a badge in the period, by email; credits summed over their badges. */
	private static String csv(String creditName, Map<String, Person> persons, List<CreditedBadge> issued,
			LocalDate first, LocalDate last) {
		Map<String, List<CreditedBadge>> byPerson = issued.stream()
			.collect(Collectors.groupingBy(TranscriptController::holder, TreeMap::new, Collectors.toList()));
		StringBuilder out = new StringBuilder(HEADER);
		byPerson.entrySet()
			.stream()
			.sorted(Map.Entry.comparingByKey(java.util.Comparator.comparing(id -> email(persons.get(id), byPerson.get(id)))))
			.forEach(e -> {
				Person p = persons.get(e.getKey());
				double total = e.getValue().stream().mapToDouble(CreditedBadge::credits).sum();
				out.append(String.join(",", CsvField.escape(email(p, e.getValue())),
						CsvField.escape(p == null ? e.getValue().get(0).badge().recipientName() : p.displayName()),
						CsvField.escape(p == null ? "" : p.school()), CsvField.escape(creditName), first.toString(),
						last.toString(), Credits.format(total), String.valueOf(e.getValue().size())))
					.append("\r\n");
			});
		return out.toString();
	}

	/**
	 * Whose row a badge counts on: its holder's account, or for a badge awarded in bulk to someone without one (a
	 * guest presenter) its recipient's email; such a badge has no person id, and grouping by it failed the export.
	 */
	private static String holder(CreditedBadge b) {
		return b.badge().personId() != null ? b.badge().personId()
				: "email:" + String.valueOf(b.badge().recipientEmail()).toLowerCase(java.util.Locale.ROOT);
	}

	private static String email(Person p, List<CreditedBadge> badges) {
		return p != null ? p.email() : String.valueOf(badges.get(0).badge().recipientEmail());
	}

	private Mono<District> district(CairnUser user) {
		return districts.findById(user.districtId())
			.switchIfEmpty(Mono.error(() -> ProblemException.notFound("District")));
	}

	private static ZoneId zone(District district) {
		return ZoneId.of(district.timeZone() == null ? "UTC" : district.timeZone());
	}

}
