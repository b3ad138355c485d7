package org.cairn.issuing;

import java.time.Instant;
import java.time.Period;
import java.util.List;
import java.util.Set;

import org.bson.Document;
import org.cairn.account.Person;
import org.cairn.account.PersonRepository;
import org.cairn.account.Role;
import org.cairn.district.District;
import org.cairn.support.IntegrationTest;
import org.cairn.template.Template;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The administrator finds a badge's recipient by the beginnings of the words of their name or email address, in any
 * order, without minding case or accents; only in their own district; and badges issued before the search had its
 * index are found once the one-time backfill has run.
 */
@Import(IssuingFixtures.class)
class AssertionSearchIntegrationTests extends IntegrationTest {

	@Autowired
	IssuingFixtures fixtures;

	@Autowired
	PersonRepository people;

	@Autowired
	ReactiveMongoTemplate mongo;

	@Autowired
	SearchWordsBackfill backfill;

	@Test
	void findsRecipientsByWordBeginningsOfNameAndEmailWithinTheDistrict() {
		District district = data.district();
		District other = data.district();
		Person admin = data.person(district, Role.DISTRICT_ADMIN);
		Template template = fixtures.template(district, Period.ofYears(2));
		Template otherTemplate = fixtures.template(other, Period.ofYears(2));
		String ann = badge(teacher(district, "Ann Lee", "ann.lee"), template);
		String annabel = badge(teacher(district, "Annabel Grant", "a.grant"), template);
		String zoe = badge(teacher(district, "Zoë Ångström", "zoe.a"), template);
		badge(teacher(other, "Ann Other", "ann.other"), otherTemplate);
		WebTestClient client = data.as(admin);
		String domain = district.slug() + ".example.org";

		assertThat(search(client, "ann")).containsExactlyInAnyOrder(ann, annabel);
		assertThat(search(client, "ANN lee")).containsExactly(ann);
		assertThat(search(client, "lee ann")).containsExactly(ann);
		assertThat(search(client, "zoe angstr")).containsExactly(zoe);
		assertThat(search(client, "Ångström")).containsExactly(zoe);
		assertThat(search(client, "a.grant@" + domain)).containsExactly(annabel);
		assertThat(search(client, "a.grant@elsewhere.org")).isEmpty();
		assertThat(search(client, "other")).as("another district's recipient").isEmpty();
		assertThat(search(client, "")).hasSize(3);
	}

	@Test
	void badgesIssuedBeforeTheSearchIndexAreFoundAfterTheBackfill() {
		District district = data.district();
		Person admin = data.person(district, Role.DISTRICT_ADMIN);
		String id = badge(teacher(district, "Quinn Older", "q.older"), fixtures.template(district, Period.ofYears(2)));
		// as an assertion stored before this version: no words, no version
		mongo.updateFirst(Query.query(Criteria.where("_id").is(id)),
				new Update().unset("searchWords").unset("searchVersion"), IssuedAssertion.COLLECTION).block();
		mongo.remove(Query.query(Criteria.where("_id").is(SearchWordsBackfill.MARKER)), SearchWordsBackfill.UPGRADES)
			.block();
		WebTestClient client = data.as(admin);
		assertThat(search(client, "quinn")).isEmpty();

		assertThat(backfill.run().block()).isGreaterThanOrEqualTo(1L);

		assertThat(search(client, "quinn")).containsExactly(id);
		Document stored = mongo.findById(id, Document.class, IssuedAssertion.COLLECTION).block();
		assertThat(stored.getList("searchWords", String.class)).contains(district.id() + " qu",
				district.id() + " quinn", district.id() + " older").doesNotContain(district.id() + " q");
		assertThat(backfill.run().block()).as("done once: the marker stops it").isZero();
	}

	/**
	 * Next and Previous continue from the badge at the page's edge (?after=, ?before=), so a deep page reads only its
	 * rows: the pages follow one another exactly as the whole list does, ties on the issue instant included, and a
	 * badge of another district is no place to continue from.
	 */
	@Test
	void pagesContinueFromTheBadgeAtTheirEdgeInTheListsOrder() {
		District district = data.district();
		District other = data.district();
		Person admin = data.person(district, Role.DISTRICT_ADMIN);
		Template template = fixtures.template(district, Period.ofYears(2));
		List<String> ids = new java.util.ArrayList<>();
		for (int i = 0; i < 8; i++) {
			ids.add(badge(teacher(district, "Page Person" + i, "page" + i), template));
		}
		// three share one instant: the id orders them
		Instant tie = Instant.parse("2026-01-05T10:00:00Z");
		for (int i = 0; i < 8; i++) {
			mongo.updateFirst(Query.query(Criteria.where("_id").is(ids.get(i))), new Update().set("issuedOn",
					i < 3 ? tie : Instant.parse("2026-01-0" + (i - 1) + "T10:00:00Z")), IssuedAssertion.COLLECTION).block();
		}
		String foreign = badge(teacher(other, "Else Where", "else"), fixtures.template(other, Period.ofYears(2)));
		WebTestClient client = data.as(admin);
		List<String> all = page(client, "size=200");
		assertThat(all).hasSize(8);

		List<String> first = page(client, "size=3");
		List<String> second = page(client, "size=3&after=" + first.get(2));
		List<String> third = page(client, "size=3&after=" + second.get(2));
		assertThat(first).isEqualTo(all.subList(0, 3));
		assertThat(second).isEqualTo(all.subList(3, 6));
		assertThat(third).isEqualTo(all.subList(6, 8));
		assertThat(page(client, "size=3&before=" + third.get(0))).isEqualTo(second);
		assertThat(page(client, "size=3&before=" + second.get(0))).isEqualTo(first);
		assertThat(page(client, "size=3&before=" + first.get(0))).isEmpty();
		assertThat(page(client, "size=3&page=1")).as("the skipping page of older links").isEqualTo(second);
		client.get()
			.uri("/api/v1/assertions?size=3&after=" + foreign)
			.exchange()
			.expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.detail")
			.value(detail -> assertThat((String) detail).contains("start again from the first page"));
	}

	private static List<String> page(WebTestClient client, String query) {
		return client.get()
			.uri("/api/v1/assertions?" + query)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBodyList(IssuingController.AssertionView.class)
			.returnResult()
			.getResponseBody()
			.stream()
			.map(IssuingController.AssertionView::id)
			.toList();
	}

	private Person teacher(District district, String name, String local) {
		return people.save(new Person(null, district.id(), local + "@" + district.slug() + ".example.org", name, null,
				Set.of(Role.TEACHER), false, "Central High", 5, null, true, Instant.now(), null)).block();
	}

	private String badge(Person teacher, Template template) {
		return fixtures.grant(fixtures.award(teacher, template, null)).assertionId();
	}

	private static List<String> search(WebTestClient client, String q) {
		return client.get()
			.uri(b -> b.path("/api/v1/assertions").queryParam("q", q).build())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBodyList(IssuingController.AssertionView.class)
			.returnResult()
			.getResponseBody()
			.stream()
			.map(IssuingController.AssertionView::id)
			.toList();
	}

}
