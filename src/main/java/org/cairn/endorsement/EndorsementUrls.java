package org.cairn.endorsement;

import org.cairn.system.CairnProperties;

import org.springframework.stereotype.Component;

/**
 * Where each public endorsement document lives. The 3.0 Profile and Multikey addresses are the credential feature's
 * (the endorser's own issuer profile and Ed25519 key, served there).
 */
@Component
class EndorsementUrls {

	private final CairnProperties properties;

	EndorsementUrls(CairnProperties properties) {
		this.properties = properties;
	}

	String endorsement(String id) {
		return properties.publicUrl("/public/endorsements/" + id);
	}

	String jws(String id) {
		return endorsement(id) + "/jws";
	}

	String credential(String id) {
		return endorsement(id) + "/credential";
	}

	/** The endorser's 1EdTech revocation list of its endorsement credentials. */
	String revocations(String issuerId) {
		return properties.publicUrl("/public/endorsement-revocations/" + issuerId);
	}

	String profile(String issuerId) {
		return properties.publicUrl("/public/profiles/" + issuerId);
	}

	String multikey(String edKeyId) {
		return properties.publicUrl("/public/multikeys/" + edKeyId);
	}

	String own(String path) {
		return properties.publicUrl(path);
	}

}
