package org.cairn.credential;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.cairn.issuing.IssuedBadges;
import org.cairn.keys.EdKeys;
import org.cairn.openbadges.DataIntegrity;
import org.cairn.openbadges.ClrCredential;
import org.cairn.openbadges.ClrCredential.Association;
import org.cairn.openbadges.ClrCredential.ClrSubject;
import org.cairn.openbadges.Multibase;
import org.cairn.openbadges.OpenBadgeCredential.DataIntegrityProof;
import org.cairn.openbadges.OpenBadgeCredential.IdentityObject;
import org.cairn.problem.ProblemException;
import org.cairn.transcript.LearningHours;
import org.cairn.transcript.LearningHours.BadgeHours;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Service;

/**
 * A teacher's signed learner record (CLR 2.0 {@code ClrCredential}): every current badge (neither revoked nor
 * expired) as the Open Badges 3.0 credential the district signed, the hours each counts as its achievement's
 * {@code creditsAvailable} (spec "Achievement": "credit hours associated with this entity"), and the total as one more
 * achievement, parent ({@code isParentOf} associations) of each badge's. Signed with the district's Ed25519 key
 * ({@code eddsa-rdfc-2022}); made on each request, nothing stored, so it always holds what is current.
 */
@Service
class LearnerRecords {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final Credentials credentials;

	private final IssuedBadges badges;

	private final LearningHours hours;

	private final EdKeys edKeys;

	private final CredentialMapping mapping;

	private final CredentialUrls urls;

	private final JsonMapper json;

	private final Clock clock;

	LearnerRecords(Credentials credentials, IssuedBadges badges, LearningHours hours, EdKeys edKeys,
			CredentialMapping mapping, CredentialUrls urls, JsonMapper json, Clock clock) {
		this.credentials = credentials;
		this.badges = badges;
		this.hours = hours;
		this.edKeys = edKeys;
		this.mapping = mapping;
		this.urls = urls;
		this.json = json;
		this.clock = clock;
	}

	/** The record with its embedded proof, as JSON. */
	Mono<String> signed(String districtId, String personId, String email) {
		return Mono.zip(badges.issuerOfDistrict(districtId), hours.creditName(districtId),
				hours.current(districtId, personId)
					.concatMap(h -> credentials.forAssertion(h.assertionId()).map(c -> new Held(h, json.readTree(c.json()))))
					.collectList())
			.flatMap(found -> {
				List<Held> held = found.getT3();
				if (held.isEmpty()) {
					return Mono.error(ProblemException.of(CredentialProblem.NO_CURRENT_BADGES, "no-current-badges"));
				}
				ClrCredential unsigned = record(found.getT1(), found.getT2(), held, email);
				return edKeys.active(districtId).flatMap(ed -> {
					DataIntegrityProof options = DataIntegrityProof.configuration(ClrCredential.CONTEXT,
							unsigned.validFrom(), urls.multikey(ed.id()));
					return Mono.fromCallable(() -> DataIntegrity.hashData(json.writeValueAsString(options),
							json.writeValueAsString(unsigned)))
						.subscribeOn(Schedulers.boundedElastic())
						.flatMap(data -> edKeys.sign(ed.id(), data))
						.map(signature -> json.writeValueAsString(
								unsigned.withProof(options.signed(Multibase.encode(signature)))));
				});
			});
	}

	/** The same record as a VC-JWT (RS256 with the district's RSA key, the claims a badge's VC-JWT carries). */
	Mono<String> jwt(String districtId, String personId, String email) {
		return signed(districtId, personId, email).flatMap(document -> badges.issuerOfDistrict(districtId)
			.flatMap(issuer -> credentials.jwt(districtId, issuer.id(), document)));
	}

	private record Held(BadgeHours hours, JsonNode credential) {
	}

	private ClrCredential record(IssuedBadges.Issuer issuer, String creditName, List<Held> held, String email) {
		String total = "urn:uuid:" + UUID.randomUUID();
		// one entry per achievement: a renewal holds the same achievement again (and counts 0 hours)
		Map<String, ObjectNode> achievements = new LinkedHashMap<>();
		double sum = 0;
		for (Held h : held) {
			JsonNode achievement = h.credential().get("credentialSubject").get("achievement");
			String id = achievement.get("id").asString();
			ObjectNode entry = achievements.computeIfAbsent(id, key -> summary(achievement));
			entry.put("creditsAvailable", entry.get("creditsAvailable").asDouble() + h.hours().credits());
			sum += h.hours().credits();
		}
		double totalHours = Math.round(sum * 100) / 100.0;
		List<JsonNode> entries = new ArrayList<>();
		List<Association> associations = new ArrayList<>();
		ObjectNode whole = json.createObjectNode();
		whole.put("id", total);
		whole.set("type", json.valueToTree(List.of("Achievement")));
		whole.put("name", "Professional learning record");
		whole.put("description", "All " + held.size() + " current badges in this record together: "
				+ format(totalHours) + " " + creditName + ".");
		whole.set("criteria", json.valueToTree(Map.of("narrative",
				"Hold the current badges this record lists, each issued and signed by " + issuer.profile().name() + ".")));
		whole.put("creditsAvailable", totalHours);
		entries.add(whole);
		achievements.forEach((id, entry) -> {
			entries.add(entry);
			associations.add(Association.parentOf(total, id));
		});
		byte[] salt = new byte[16];
		RANDOM.nextBytes(salt);
		String now = clock.instant().truncatedTo(ChronoUnit.SECONDS).toString();
		return ClrCredential.unsigned("urn:uuid:" + UUID.randomUUID(),
				"Professional learning record from " + issuer.profile().name(),
				held.size() + " current badges, " + format(totalHours) + " " + creditName + " in all.",
				mapping.profile(issuer.id(), issuer.profile()), now,
				ClrSubject.of(List.of(IdentityObject.hashedEmail(email, HexFormat.of().formatHex(salt))),
						held.stream().map(Held::credential).toList(), entries, associations));
	}

	/**
	 * The achievement as the record lists it: what identifies and describes it (its id is the one in the credential,
	 * so the two are one node once expanded) and its hours. Alignments and rubric levels stay in the signed
	 * credential only: repeated here they would be a second, identical copy of each (blank nodes in RDF).
	 */
	private ObjectNode summary(JsonNode achievement) {
		ObjectNode entry = json.createObjectNode();
		for (String field : List.of("id", "type", "achievementType", "name", "description", "criteria", "image")) {
			if (achievement.has(field)) {
				entry.set(field, achievement.get(field).deepCopy());
			}
		}
		entry.put("creditsAvailable", 0.0);
		return entry;
	}

	/** Hours as people write them: 8, 7.5. */
	static String format(double hours) {
		return hours == Math.rint(hours) ? String.valueOf((long) hours) : String.valueOf(hours);
	}

}
