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

	RosterImport(PersonRepository people, Invitations invitations, org.cairn.account.EmailAddresses addresses) {
		this.people = people;
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
		return columns;
	}

	/** One person of the roster as checked, with the row they came from. */
	record Entry(int row, String email, String name, Set<Role> roles, String school, Integer years) {
	}

	/** What happened to each row. */
	enum Outcome {
		INVITED, ALREADY_IN_DISTRICT, REPEATED_IN_FILE
	}

	record RowResult(int row, String email, Outcome outcome) {
	}

	record Result(int invited, int alreadyInDistrict, List<RowResult> rows) {
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
			.map(rows -> new Result((int) rows.stream().filter(r -> r.outcome() == Outcome.INVITED).count(),
					(int) rows.stream().filter(r -> r.outcome() == Outcome.ALREADY_IN_DISTRICT).count(), rows));
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
		return new Entry(n, email, name, roles, school, years);
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
