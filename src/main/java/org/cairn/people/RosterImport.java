package org.cairn.people;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.cairn.account.Person;
import org.cairn.account.PersonRepository;
import org.cairn.account.Role;
import org.cairn.csv.CsvProblem;
import org.cairn.csv.CsvTable;
import org.cairn.plan.Supervisors;
import org.cairn.problem.ProblemException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/**
 * Brings a school's roster into the district from a spreadsheet. Every row is checked first and nothing is imported
 * while one is bad, each problem naming its spreadsheet row in plain words. Uploading the same file again is safe:
 * people already in the district are left as they are and get no second invitation, so a retry after a lost
 * response only invites the people the first attempt did not reach. An address that cannot be invited (its account
 * is elsewhere) is a row problem in the same neutral words as a single invitation.
 */
@Service
class RosterImport {

	static final int MAX_ROWS = 5_000;

	private static final Map<String, List<String>> COLUMNS = columns();

	private final PersonRepository people;

	private final Invitations invitations;

	private final org.cairn.account.EmailAddresses addresses;

	private final Supervisors supervisors;

	RosterImport(PersonRepository people, Invitations invitations, org.cairn.account.EmailAddresses addresses,
			Supervisors supervisors) {
		this.people = people;
		this.supervisors = supervisors;
		this.addresses = addresses;
		this.invitations = invitations;
	}

	private static Map<String, List<String>> columns() {
		Map<String, List<String>> columns = new LinkedHashMap<>();
		columns.put("email", List.of("email", "e-mail", "email address"));
		columns.put("name", List.of("name", "full name", "display name"));
		columns.put("roles", List.of("roles", "role"));
		columns.put("school", List.of("school", "building", "campus"));
		columns.put("years", List.of("years", "years of experience", "experience"));
		// learning plans' supervisors (docs/plans.md): yes for this person, or the email of the school's supervisor
		columns.put("supervisor", List.of("supervisor", "plan supervisor", "approves plans"));
		// the school this person supervises when it is not their own (or every school)
		columns.put("supervises", List.of("supervises", "supervisor of", "supervisor for"));
		return columns;
	}

	/**
	 * One person of the roster as checked, with the row they came from.
	 *
	 * @param supervisor who approves the learning plans of {@code supervises}: this row's email (the flag) or
	 * another person's; null when the row names nobody
	 * @param supervises the school: the row's own, or the one the supervises column names ({@code *}: every school)
	 */
	record Entry(int row, String email, String name, Set<Role> roles, String school, Integer years, String supervisor,
			String supervises) {
	}

	/** A supervisor the import named: who approves which school's plans, from which row. */
	record SupervisorSet(int row, String school, String email) {
	}

	/** What happened to each row. */
	enum Outcome {
		INVITED, ALREADY_IN_DISTRICT, REPEATED_IN_FILE
	}

	record RowResult(int row, String email, Outcome outcome) {
	}

	record Result(int invited, int alreadyInDistrict, List<RowResult> rows, List<SupervisorSet> supervisors) {
	}

	Mono<Result> importCsv(String districtId, String adminId, String csv) {
		CsvTable table = CsvTable.parse(csv, COLUMNS.values().stream().flatMap(List::stream).toList());
		Map<String, Integer> columns = table.columns(COLUMNS);
		if (!table.header().isEmpty() && !columns.containsKey("email")) {
			return Mono.error(ProblemException.of(CsvProblem.CSV_NO_EMAIL_COLUMN, "csv-no-email-column"));
		}
		if (table.rows().isEmpty()) {
			return Mono.error(ProblemException.invalid("roster", "The file has no people in it."));
		}
		if (table.rows().size() > MAX_ROWS) {
			return Mono.error(ProblemException.invalid("roster", "The file has " + table.rows().size()
					+ " people; import at most " + MAX_ROWS + " at once."));
		}
		List<CsvTable.RowProblem> problems = new ArrayList<>();
		List<Entry> entries = new ArrayList<>();
		for (CsvTable.Row row : table.rows()) {
			int before = problems.size();
			Entry entry = entry(row, columns, problems);
			if (problems.size() == before) {
				entries.add(entry);
			}
		}
		// accounts elsewhere are found before anything is written, so a bad file changes nothing
		return Flux.fromIterable(entries)
			.concatMap(entry -> addresses.personFor(entry.email())
				// a district email elsewhere, or an address someone verified as theirs (here or elsewhere)
				.filter(existing -> existing.platformAdmin() || !districtId.equals(existing.districtId())
						|| !entry.email().equals(existing.email()))
				// neutral on purpose, as for a single invitation: nothing says the address has an account elsewhere
				.map(existing -> new CsvTable.RowProblem(entry.row(), entry.email()
						+ " cannot be invited. Check it with the person, or use another address they use.")))
			.collectList()
			.flatMap(elsewhere -> supervisorProblems(districtId, entries).map(unknown -> {
				List<CsvTable.RowProblem> all = new ArrayList<>(elsewhere);
				all.addAll(unknown);
				return all;
			}))
			.flatMap(elsewhere -> {
				problems.addAll(elsewhere);
				if (!problems.isEmpty()) {
					problems.sort(java.util.Comparator.comparingInt(CsvTable.RowProblem::row));
					return Mono.error(CsvTable.invalidRows(problems, 100,
							"Nobody was imported; fix the file and upload it again."));
				}
				return apply(districtId, adminId, entries);
			});
	}

	private Mono<Result> apply(String districtId, String adminId, List<Entry> entries) {
		Set<String> seen = new java.util.HashSet<>();
		return Flux.fromIterable(entries).concatMap(entry -> {
			if (!seen.add(entry.email())) {
				return Mono.just(new RowResult(entry.row(), entry.email(), Outcome.REPEATED_IN_FILE));
			}
			return people.findByEmail(entry.email())
				.map(existing -> new RowResult(entry.row(), entry.email(), Outcome.ALREADY_IN_DISTRICT))
				.switchIfEmpty(Mono.defer(() -> invitations
					.invite(districtId, adminId, new Invite(entry.email(), entry.name(), entry.roles(), entry.school(),
							entry.years(), null))
					.map(invited -> new RowResult(entry.row(), entry.email(),
							invited.created() ? Outcome.INVITED : Outcome.ALREADY_IN_DISTRICT))));
		})
			.collectList()
			// after the invitations, so a supervisor invited by this file exists; each is an upsert: a retry is safe
			.flatMap(rows -> Flux.fromIterable(entries)
				.filter(entry -> entry.supervisor() != null)
				.concatMap(entry -> people.findByEmail(entry.supervisor())
					.flatMap(person -> supervisors.assign(districtId, adminId, entry.supervises(), person.id()))
					.map(set -> new SupervisorSet(entry.row(), set.school(), entry.supervisor())))
				.collectList()
				.map(set -> new Result((int) rows.stream().filter(r -> r.outcome() == Outcome.INVITED).count(),
						(int) rows.stream().filter(r -> r.outcome() == Outcome.ALREADY_IN_DISTRICT).count(), rows,
						set)));
	}

	/**
	 * The supervisors a file names, checked against the file and the district before anything is written: the
	 * person is in the file or the district and may approve plans (administrator, coach or assessor); a school named
	 * in the supervises column is one somebody in the file or the district is at; one supervisor per school.
	 */
	private Mono<List<CsvTable.RowProblem>> supervisorProblems(String districtId, List<Entry> entries) {
		List<Entry> naming = entries.stream().filter(e -> e.supervisor() != null).toList();
		if (naming.isEmpty()) {
			return Mono.just(List.of());
		}
		Map<String, Entry> inFile = new java.util.HashMap<>();
		entries.forEach(e -> inFile.putIfAbsent(e.email(), e));
		boolean schoolNamed = naming.stream().anyMatch(e -> !Supervisors.everySchool(e.supervises())
				&& entries.stream().noneMatch(o -> o.school() != null && o.school().equalsIgnoreCase(e.supervises())));
		// the district's schools are read only when the file names one nobody in it is at
		Mono<Set<String>> districtSchools = !schoolNamed ? Mono.just(Set.of())
				: people.findByDistrictId(districtId)
					.filter(p -> p.school() != null)
					.map(p -> p.school().strip().toLowerCase(Locale.ROOT))
					.collect(java.util.stream.Collectors.toSet());
		return districtSchools.flatMap(schools -> Flux.fromIterable(naming).concatMap(entry -> {
			List<CsvTable.RowProblem> found = new ArrayList<>();
			String school = entry.supervises();
			if (!Supervisors.everySchool(school)
					&& entries.stream().noneMatch(o -> o.school() != null && o.school().equalsIgnoreCase(school))
					&& !schools.contains(school.strip().toLowerCase(Locale.ROOT))) {
				found.add(new CsvTable.RowProblem(entry.row(), "Nobody in your district or in this file is at "
						+ CsvTable.quote(school) + ": check the school's name."));
			}
			naming.stream()
				.filter(other -> other.row() < entry.row() && sameSchool(other.supervises(), school)
						&& !other.supervisor().equals(entry.supervisor()))
				.findFirst()
				.ifPresent(other -> found.add(new CsvTable.RowProblem(entry.row(), "Row " + other.row()
						+ " already names another supervisor for " + schoolName(school) + ".")));
			Entry listed = inFile.get(entry.supervisor());
			// someone already in the district keeps their roles (the import leaves them as they are); a new person
			// gets the roles of their row
			Mono<String> who = people.findByEmail(entry.supervisor())
				.filter(p -> districtId.equals(p.districtId()) && !p.departed())
				.map(p -> Supervisors.mayApprove(p.roles()) ? "" : cannotApprove(entry))
				.switchIfEmpty(Mono.fromSupplier(() -> listed == null
						? CsvTable.quote(entry.supervisor()) + " (the supervisor) is not in your district or in this file."
						: Supervisors.mayApprove(listed.roles()) ? "" : cannotApprove(entry)))
				.filter(message -> !message.isEmpty());
			return who.map(message -> {
				found.add(new CsvTable.RowProblem(entry.row(), message));
				return found;
			}).defaultIfEmpty(found).flatMapIterable(list -> list);
		}).collectList());
	}

	private static String cannotApprove(Entry entry) {
		return entry.supervisor() + " cannot approve learning plans: a supervisor is an admin, coach or assessor.";
	}

	private static boolean sameSchool(String a, String b) {
		return Supervisors.everySchool(a) ? Supervisors.everySchool(b) : a.strip().equalsIgnoreCase(b.strip());
	}

	private static String schoolName(String school) {
		return Supervisors.everySchool(school) ? "every school" : CsvTable.quote(school);
	}

	private static Entry entry(CsvTable.Row row, Map<String, Integer> columns, List<CsvTable.RowProblem> problems) {
		int n = row.number();
		String rawEmail = CsvTable.cell(row, columns, "email").orElse(null);
		String email = rawEmail == null ? null : Person.normalizeEmail(rawEmail);
		if (email == null) {
			problems.add(new CsvTable.RowProblem(n, "The email address is missing."));
		}
		else if (!Person.isEmailAddress(email) || email.length() > 320) {
			problems.add(new CsvTable.RowProblem(n, CsvTable.quote(rawEmail) + " is not an email address."));
		}
		String name = CsvTable.cell(row, columns, "name").orElse(null);
		if (name != null && name.length() > 200) {
			problems.add(new CsvTable.RowProblem(n, "The name is longer than 200 characters."));
		}
		String school = CsvTable.cell(row, columns, "school").orElse(null);
		if (school != null && school.length() > 200) {
			problems.add(new CsvTable.RowProblem(n, "The school is longer than 200 characters."));
		}
		Integer years = null;
		String rawYears = CsvTable.cell(row, columns, "years").orElse(null);
		if (rawYears != null) {
			try {
				years = Integer.valueOf(rawYears);
			}
			catch (NumberFormatException ex) {
				years = -1;
			}
			if (years < 0 || years > 60) {
				problems.add(new CsvTable.RowProblem(n,
						"Years of experience must be a whole number from 0 to 60, not " + CsvTable.quote(rawYears) + "."));
			}
		}
		Set<Role> roles = EnumSet.noneOf(Role.class);
		String rawRoles = CsvTable.cell(row, columns, "roles").orElse(null);
		if (rawRoles == null) {
			roles.add(Role.TEACHER);
		}
		else {
			for (String word : rawRoles.split("[;|/]|\\s+and\\s+|\\s*,\\s*")) {
				String role = word.strip().toLowerCase(Locale.ROOT);
				if (role.isEmpty()) {
					continue;
				}
				Role parsed = role(role);
				if (parsed == null) {
					problems.add(new CsvTable.RowProblem(n, CsvTable.quote(word)
							+ " is not a role; use teacher, assessor, coach or admin."));
				}
				else {
					roles.add(parsed);
				}
			}
			if (roles.isEmpty()) {
				roles.add(Role.TEACHER);
			}
		}
		String supervisor = null;
		String rawSupervisor = CsvTable.cell(row, columns, "supervisor").orElse(null);
		String supervises = CsvTable.cell(row, columns, "supervises").orElse(null);
		if (rawSupervisor != null) {
			String word = rawSupervisor.strip().toLowerCase(Locale.ROOT);
			if (Set.of("yes", "y", "true", "x", "1").contains(word)) {
				supervisor = email;
			}
			else if (Person.isEmailAddress(Person.normalizeEmail(rawSupervisor))) {
				supervisor = Person.normalizeEmail(rawSupervisor);
			}
			else if (!Set.of("no", "n", "false", "0", "").contains(word)) {
				problems.add(new CsvTable.RowProblem(n, CsvTable.quote(rawSupervisor)
						+ " under supervisor is neither yes, no nor an email address."));
			}
		}
		else if (supervises != null) {
			// a school named under supervises makes this row's person its supervisor
			supervisor = email;
		}
		if (supervisor != null && supervises == null) {
			if (school == null) {
				problems.add(new CsvTable.RowProblem(n, "A supervisor needs a school: fill in the school column, or"
						+ " name the school (or every school) in a supervises column."));
			}
			supervises = school;
		}
		if (supervises != null && supervises.length() > 200) {
			problems.add(new CsvTable.RowProblem(n, "The school supervised is longer than 200 characters."));
		}
		return new Entry(n, email, name, roles, school, years, supervisor, supervises);
	}

	private static Role role(String word) {
		return switch (word) {
			case "teacher", "teachers" -> Role.TEACHER;
			case "assessor", "assessors", "reviewer" -> Role.ASSESSOR;
			case "coach", "coaches" -> Role.COACH;
			case "admin", "administrator", "district admin", "district administrator", "district_admin" ->
				Role.DISTRICT_ADMIN;
			default -> null;
		};
	}


}
