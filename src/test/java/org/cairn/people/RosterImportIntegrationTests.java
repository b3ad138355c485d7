package org.cairn.people;


import org.cairn.account.Person;
import org.cairn.account.PersonRepository;
import org.cairn.account.Role;
import org.cairn.district.District;
import org.cairn.support.IntegrationTest;
import org.cairn.system.CairnProperties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

class RosterImportIntegrationTests extends IntegrationTest {

	static final MediaType CSV = MediaType.parseMediaType("text/csv");

	@Autowired
	CairnProperties cairn;

	@Autowired
	PersonRepository people;

	MailLinks mail;

	District district;

	Person admin;

	@BeforeEach
	void setUp() {
		mail = new MailLinks(cairn.dataDir());
		district = data.district();
		admin = data.person(district, Role.DISTRICT_ADMIN);
	}

	@Test
	void aRosterWithOneBadRowImportsNobodyAndNamesTheRowThenTheFixedFileInvitesEveryoneOnce() {
		String a = "ana." + district.slug() + "@school.example.org";
		String b = "bo." + district.slug() + "@school.example.org";
		String c = "cy." + district.slug() + "@school.example.org";
		String bad = "Name,Email,Role,School,Years\r\n" + "\"Lopez, Ana\"," + a + ",teacher,Maple Elementary,4\r\n"
				+ "Bo Chen," + b + ",teacher; coach,Oak Middle,twelve\r\n" + "Cy Diaz," + c + ",principal,,\r\n";
		data.as(admin).post().uri("/api/v1/people/import").contentType(CSV).bodyValue(bad).exchange()
			.expectStatus().isEqualTo(422)
			.expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.detail").isEqualTo("2 rows have problems. Nobody was imported; fix the file and upload it again.")
			.jsonPath("$.rows[0].row").isEqualTo(3)
			.jsonPath("$.rows[0].message")
			.isEqualTo("Years of experience must be a whole number from 0 to 60, not \"twelve\".")
			.jsonPath("$.rows[1].row").isEqualTo(4)
			.jsonPath("$.rows[1].message").isEqualTo("\"principal\" is not a role; use teacher, assessor, coach or admin.");
		assertThat(people.findByEmail(a).blockOptional()).as("nothing imported").isEmpty();

		String fixed = bad.replace("twelve", "12").replace("principal", "admin");
		for (int attempt = 0; attempt < 2; attempt++) {
			data.as(admin).post().uri("/api/v1/people/import").contentType(CSV).bodyValue(fixed).exchange()
				.expectStatus().isOk().expectBody()
				.jsonPath("$.invited").isEqualTo(attempt == 0 ? 3 : 0)
				.jsonPath("$.alreadyInDistrict").isEqualTo(attempt == 0 ? 0 : 3)
				.jsonPath("$.rows[1].row").isEqualTo(3);
		}
		Person bo = people.findByEmail(b).block();
		assertThat(bo.districtId()).isEqualTo(district.id());
		assertThat(bo.roles()).containsExactlyInAnyOrder(Role.TEACHER, Role.COACH);
		assertThat(bo.school()).isEqualTo("Oak Middle");
		assertThat(bo.yearsOfExperience()).isEqualTo(12);
		assertThat(people.findByEmail(a).block().displayName()).isEqualTo("Lopez, Ana");
		assertThat(people.findByEmail(c).block().roles()).containsExactly(Role.DISTRICT_ADMIN);
		assertThat(mail.tokens(b, "/invitations/")).as("the retry sends no second invitation").hasSize(1);

		// the invitation in the mail works
		String token = mail.onlyToken(a, "/invitations/");
		http.get().uri("/api/v1/invitations/" + token).exchange().expectStatus().isOk()
			.expectBody().jsonPath("$.districtName").isEqualTo(district.name());
	}

	@Test
	void aRosterNamingSomeoneOfAnotherDistrictIsRefusedWithoutRevealingMore() {
		Person elsewhere = data.person(data.district(), Role.TEACHER);
		String csv = "email\nnew." + district.slug() + "@school.example.org\n" + elsewhere.email() + "\n";
		data.as(admin).post().uri("/api/v1/people/import").contentType(CSV).bodyValue(csv).exchange()
			.expectStatus().isEqualTo(422).expectBody()
			.jsonPath("$.rows[0].row").isEqualTo(3)
			.jsonPath("$.rows[0].message")
			.isEqualTo(elsewhere.email() + " cannot be invited. Check it with the person, or use another address they use.");
		assertThat(people.findByEmail(elsewhere.email()).block().districtId()).isNotEqualTo(district.id());
		assertThat(people.findByEmail("new." + district.slug() + "@school.example.org").blockOptional()).isEmpty();
	}

	@Test
	void onlyAdminsImportAndAnEmptyOrUnreadableFileIsExplained() {
		Person teacher = data.person(district, Role.TEACHER);
		data.as(teacher).post().uri("/api/v1/people/import").contentType(CSV).bodyValue("a@b.org\n").exchange()
			.expectStatus().isForbidden();
		data.as(admin).post().uri("/api/v1/people/import").contentType(CSV).bodyValue("\n\n").exchange()
			.expectStatus().isEqualTo(422).expectBody().jsonPath("$.detail").isEqualTo("The file has no people in it.");
		data.as(admin).post().uri("/api/v1/people/import").contentType(CSV)
			.bodyValue("email,name\na@b.org,\"Ana\n").exchange()
			.expectStatus().isBadRequest().expectBody()
			.jsonPath("$.detail").isEqualTo("Row 2 opens a quotation mark that is never closed.");
	}

	@Test
	void aRosterSetsTheSchoolsSupervisorsNamingEachUnknownSchoolOrPersonByRowAndARetryChangesNothing() {
		String tag = district.slug();
		String pat = "pat." + tag + "@school.example.org";
		String ana = "ana.s." + tag + "@school.example.org";
		String bo = "bo.s." + tag + "@school.example.org";
		String cy = "cy.s." + tag + "@school.example.org";
		Person principal = data.person(district, Role.COACH);
		String bad = "email,name,role,school,supervisor,supervises\r\n"
				+ pat + ",Pat Park,admin,Maple Elementary,yes,\r\n"
				+ ana + ",Ana Ruiz,teacher,Maple Elementary,,\r\n"
				+ bo + ",Bo Chen,teacher,Oak Middle,nobody." + tag + "@school.example.org,\r\n"
				+ cy + ",Cy Diaz,coach,Oak Middle,,Pine Hihg\r\n"
				+ "dee." + tag + "@school.example.org,Dee Fox,teacher,Elm Park,yes,\r\n"
				+ "eve." + tag + "@school.example.org,Eve Gil,teacher,,maybe,\r\n";
		data.as(admin).post().uri("/api/v1/people/import").contentType(CSV).bodyValue(bad).exchange()
			.expectStatus().isEqualTo(422).expectBody()
			.jsonPath("$.rows.length()").isEqualTo(4)
			.jsonPath("$.rows[0].row").isEqualTo(4)
			.jsonPath("$.rows[0].message")
			.isEqualTo("\"nobody." + tag + "@school.example.org\" (the supervisor) is not in your district or in this file.")
			.jsonPath("$.rows[1].row").isEqualTo(5)
			.jsonPath("$.rows[1].message").isEqualTo("Nobody in your district or in this file is at \"Pine Hihg\": check the school's name.")
			.jsonPath("$.rows[2].row").isEqualTo(6)
			.jsonPath("$.rows[2].message").isEqualTo("dee." + tag
					+ "@school.example.org cannot approve learning plans: a supervisor is an admin, coach or assessor.")
			.jsonPath("$.rows[3].row").isEqualTo(7)
			.jsonPath("$.rows[3].message").isEqualTo("\"maybe\" under supervisor is neither yes, no nor an email address.");
		assertThat(people.findByEmail(pat).blockOptional()).as("nothing imported").isEmpty();
		data.as(admin).get().uri("/api/v1/plan-supervisors").exchange().expectStatus().isOk().expectBody()
			.jsonPath("$.length()").isEqualTo(0);

		// fixed: Bo's row names Cy (in the file) for Oak Middle, Cy also every school, a known coach for Birch High
		String fixed = "email,name,role,school,supervisor,supervises\r\n"
				+ pat + ",Pat Park,admin,Maple Elementary,yes,\r\n"
				+ ana + ",Ana Ruiz,teacher,Maple Elementary,,\r\n"
				+ bo + ",Bo Chen,teacher,Oak Middle," + cy.toUpperCase() + ",\r\n"
				+ cy + ",Cy Diaz,coach,Oak Middle,,every school\r\n"
				+ "fay." + tag + "@school.example.org,Fay Lin,teacher,Birch High," + principal.email() + ",\r\n";
		for (int attempt = 0; attempt < 2; attempt++) {
			data.as(admin).post().uri("/api/v1/people/import").contentType(CSV).bodyValue(fixed).exchange()
				.expectStatus().isOk().expectBody()
				.jsonPath("$.invited").isEqualTo(attempt == 0 ? 5 : 0)
				.jsonPath("$.supervisors.length()").isEqualTo(4)
				.jsonPath("$.supervisors[0].school").isEqualTo("Maple Elementary")
				.jsonPath("$.supervisors[0].email").isEqualTo(pat)
				.jsonPath("$.supervisors[1].school").isEqualTo("Oak Middle")
				.jsonPath("$.supervisors[1].email").isEqualTo(cy)
				.jsonPath("$.supervisors[2].school").isEqualTo("*");
		}
		java.util.Map<String, String> bySchool = new java.util.TreeMap<>();
		data.as(admin).get().uri("/api/v1/plan-supervisors").exchange().expectStatus().isOk()
			.expectBody(tools.jackson.databind.JsonNode.class).returnResult().getResponseBody()
			.forEach(n -> bySchool.put(n.path("school").asString(), n.path("supervisorId").asString()));
		assertThat(bySchool).containsExactlyInAnyOrderEntriesOf(java.util.Map.of(
				"Maple Elementary", people.findByEmail(pat).block().id(),
				"Oak Middle", people.findByEmail(cy).block().id(),
				"*", people.findByEmail(cy).block().id(),
				"Birch High", principal.id()));
	}

}
