package org.cairn.credential;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.cairn.account.CairnUser;
import org.cairn.account.PersonRepository;
import org.cairn.account.Role;
import org.cairn.problem.ProblemException;
import reactor.core.publisher.Mono;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The signed learner record (CLR 2.0) as a download: a teacher's own, and for a district administrator any person
 * of their district (anyone else's is 404, as if there were no such person). {@code ?format=jwt} gives the same
 * record as a VC-JWT. Personal: never kept by a shared cache.
 */
@RestController
class LearnerRecordController {

	private final LearnerRecords records;

	private final PersonRepository people;

	LearnerRecordController(LearnerRecords records, PersonRepository people) {
		this.records = records;
		this.people = people;
	}

	@GetMapping("/api/v1/me/learner-record")
	Mono<ResponseEntity<byte[]>> mine(@AuthenticationPrincipal CairnUser user,
			@RequestParam(defaultValue = "json") String format) {
		return download(user.districtId(), user.personId(), user.email(), format);
	}

	@GetMapping("/api/v1/people/{personId}/learner-record")
	Mono<ResponseEntity<byte[]>> of(@AuthenticationPrincipal CairnUser user, @PathVariable String personId,
			@RequestParam(defaultValue = "json") String format) {
		user.require(Role.DISTRICT_ADMIN);
		return people.findByIdAndDistrictId(personId, user.districtId())
			.switchIfEmpty(Mono.error(() -> ProblemException.notFound("Person")))
			.flatMap(person -> download(person.districtId(), person.id(), person.email(), format));
	}

	private Mono<ResponseEntity<byte[]>> download(String districtId, String personId, String email, String format) {
		boolean jwt = "jwt".equals(format);
		if (!jwt && !"json".equals(format)) {
			return Mono.error(ProblemException.invalid("format", "give json (the default) or jwt"));
		}
		String name = "learner-record-" + LocalDate.now(ZoneOffset.UTC) + (jwt ? ".jwt" : ".json");
		return (jwt ? records.jwt(districtId, personId, email) : records.signed(districtId, personId, email))
			.map(body -> ResponseEntity.ok()
				.contentType(jwt ? CredentialController.VC_JWT : CredentialController.VC)
				.cacheControl(CacheControl.noStore())
				.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
				.body(body.getBytes(StandardCharsets.UTF_8)));
	}

}
