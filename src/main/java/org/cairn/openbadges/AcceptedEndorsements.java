package org.cairn.openbadges;

import reactor.core.publisher.Flux;

/**
 * The endorsements a district accepted, for the features that publish the endorsed documents: issuing lists their
 * 2.0 URLs on its BadgeClasses and issuer Profiles, credential embeds their 3.0 EndorsementCredentials in
 * Achievements and Profiles. Implemented by the endorsement feature; absent, nothing is endorsed.
 */
public interface AcceptedEndorsements {

	/** The 2.0 Endorsement URLs of what {@code endorsedId} names (a BadgeClass or issuer id), oldest first. */
	Flux<String> urls(String endorsedId);

	/** The signed 3.0 EndorsementCredentials (JSON) of what {@code endorsedId} names, oldest first. */
	Flux<String> credentials(String endorsedId);

	/** The endorser district's withdrawn 2.0 Endorsements, for its issuer's revocation list. */
	Flux<RevocationList.Revoked> withdrawn(String endorserDistrictId);

}
