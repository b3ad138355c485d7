package org.cairn.issuing;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A district as an Open Badges issuer: its opaque public id and its issuing settings.
 *
 * @param showStipend whether certificates show the stipend
 * @param showHours whether certificates show the estimated hours
 * @param signatoryName who signs the certificates, or null
 * @param signatoryTitle the signatory's title, or null
 */
@Document("issuing_issuers")
record IssuerRecord(@Id String id, @Indexed(unique = true) String districtId, VerificationMode defaultMode,
		boolean showStipend, boolean showHours, String signatoryName, String signatoryTitle, @Version Long version) {

	IssuerRecord with(IssuingSettings s) {
		return new IssuerRecord(id, districtId, s.defaultMode(), s.showStipend(), s.showHours(), s.signatoryName(),
				s.signatoryTitle(), version);
	}

}
