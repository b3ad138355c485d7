package org.cairn.plan;

import java.time.Clock;

import org.cairn.account.CairnUser;
import org.cairn.account.Person;
import org.cairn.account.PersonRepository;
import org.cairn.account.Role;
import org.cairn.problem.ProblemException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Who approves a teacher's learning plan: the supervisor an administrator names for the teacher's school, else the
 * one named for every school. A supervisor is an active administrator, coach or assessor of the district (a
 * principal gets one of those accounts); nobody approves their own plan, so a supervisor's own plan goes to the
 * supervisor for every school, and failing that nowhere (the teacher is told to ask their administrator).
 */
@Service
public class Supervisors {

	private final ReactiveMongoTemplate mongo;

	private final PersonRepository people;

	private final Clock clock;

	Supervisors(ReactiveMongoTemplate mongo, PersonRepository people, Clock clock) {
		this.mongo = mongo;
		this.people = people;
		this.clock = clock;
	}

	/** A school's supervisor with their name, as the administrator's page lists them. */
	public record Assigned(String school, String supervisorId, String supervisorName) {
	}

	Flux<Assigned> list(CairnUser admin) {
		admin.require(Role.DISTRICT_ADMIN);
		return mongo.find(Query.query(Criteria.where("districtId").is(admin.districtId())).with(Sort.by("school")),
				PlanSupervisor.class)
			.concatMap(s -> people.findById(s.supervisorId())
				.map(p -> new Assigned(s.school(), s.supervisorId(), p.displayName() == null ? p.email() : p.displayName()))
				.defaultIfEmpty(new Assigned(s.school(), s.supervisorId(), "")));
	}

	/** Names (or renames) a school's supervisor; the same request again changes nothing. */
	public Mono<Assigned> set(CairnUser admin, String school, String supervisorId) {
		admin.require(Role.DISTRICT_ADMIN);
		String name = school == null || school.isBlank() ? PlanSupervisor.EVERY_SCHOOL : school.strip();
		return eligible(admin.districtId(), supervisorId)
			.switchIfEmpty(Mono.error(() -> ProblemException.invalid("supervisorId",
					"must be an active administrator, coach or assessor of your district")))
			.flatMap(person -> mongo
				.upsert(Query.query(Criteria.where("_id").is(PlanSupervisor.idOf(admin.districtId(), name))),
						new Update().set("districtId", admin.districtId())
							.set("school", name)
							.set("supervisorId", supervisorId)
							.set("setBy", admin.personId())
							.set("setAt", clock.instant()),
						PlanSupervisor.class)
				.thenReturn(new Assigned(name, supervisorId,
						person.displayName() == null ? person.email() : person.displayName())));
	}

	/** The school name that stands for every school in a roster ({@code *}, "every school", "all schools"). */
	public static boolean everySchool(String school) {
		String name = school == null ? "" : school.strip().toLowerCase(java.util.Locale.ROOT);
		return name.isEmpty() || name.equals(PlanSupervisor.EVERY_SCHOOL) || name.equals("every school")
				|| name.equals("all schools");
	}

	/** Whether the person may approve plans once active: an administrator, coach or assessor still in the district. */
	public static boolean mayApprove(java.util.Set<Role> roles) {
		return roles.contains(Role.DISTRICT_ADMIN) || roles.contains(Role.COACH) || roles.contains(Role.ASSESSOR);
	}

	/**
	 * Names a school's supervisor from a roster import: as {@link #set}, but the person may still be invited (a
	 * supervisor only decides plans once active: {@link #of} checks then). The same row again changes nothing.
	 */
	public Mono<Assigned> assign(String districtId, String adminId, String school, String supervisorId) {
		String name = everySchool(school) ? PlanSupervisor.EVERY_SCHOOL : school.strip();
		return people.findByIdAndDistrictId(supervisorId, districtId)
			.filter(p -> !p.departed() && mayApprove(p.roles()))
			.switchIfEmpty(Mono.error(() -> ProblemException.invalid("supervisorId",
					"must be an administrator, coach or assessor of your district")))
			.flatMap(person -> mongo
				.upsert(Query.query(Criteria.where("_id").is(PlanSupervisor.idOf(districtId, name))),
						new Update().set("districtId", districtId)
							.set("school", name)
							.set("supervisorId", supervisorId)
							.set("setBy", adminId)
							.set("setAt", clock.instant()),
						PlanSupervisor.class)
				.thenReturn(new Assigned(name, supervisorId,
						person.displayName() == null ? person.email() : person.displayName())));
	}

	Mono<Void> remove(CairnUser admin, String school) {
		admin.require(Role.DISTRICT_ADMIN);
		return mongo.remove(Query.query(Criteria.where("_id").is(PlanSupervisor.idOf(admin.districtId(), school))),
				PlanSupervisor.class).then();
	}

	Mono<Person> eligible(String districtId, String personId) {
		return people.findByIdAndDistrictId(personId, districtId)
			.filter(p -> p.active() && !p.departed()
					&& (p.has(Role.DISTRICT_ADMIN) || p.has(Role.COACH) || p.has(Role.ASSESSOR)));
	}

	/** The teacher's supervisor: their school's, else every school's; never the teacher. Empty when none. */
	Mono<Person> of(Person teacher) {
		String school = teacher.school() == null || teacher.school().isBlank() ? null : teacher.school();
		Mono<PlanSupervisor> own = school == null ? Mono.empty()
				: mongo.findById(PlanSupervisor.idOf(teacher.districtId(), school), PlanSupervisor.class);
		Mono<PlanSupervisor> every = mongo.findById(
				PlanSupervisor.idOf(teacher.districtId(), PlanSupervisor.EVERY_SCHOOL), PlanSupervisor.class);
		return Flux.concat(own, every)
			.filter(s -> !s.supervisorId().equals(teacher.id()))
			.concatMap(s -> eligible(teacher.districtId(), s.supervisorId()))
			.next();
	}

}
