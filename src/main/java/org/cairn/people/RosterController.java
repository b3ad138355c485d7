package org.cairn.people;

import org.cairn.account.CairnUser;
import org.cairn.account.Role;
import org.cairn.csv.CsvUpload;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** District administrators import a roster from a spreadsheet (CSV): every new person is invited by email. */
@RestController
class RosterController {

	/** 5,000 rows with long names and schools stay well under this. */
	static final int MAX_UPLOAD_BYTES = 4_000_000;

	private final RosterImport roster;

	RosterController(RosterImport roster) {
		this.roster = roster;
	}

	@PostMapping(path = "/api/v1/people/import", consumes = "text/csv")
	Mono<RosterImport.Result> importRoster(@AuthenticationPrincipal CairnUser admin,
			@RequestBody Flux<DataBuffer> body) {
		admin.require(Role.DISTRICT_ADMIN);
		return CsvUpload.text(body, MAX_UPLOAD_BYTES, "A roster file")
			.flatMap(csv -> roster.importCsv(admin.districtId(), admin.personId(), csv));
	}

}
