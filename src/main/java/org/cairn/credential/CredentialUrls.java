package org.cairn.credential;

import org.cairn.system.CairnProperties;

import org.springframework.stereotype.Component;

/** Where each public Open Badges 3.0 document lives. */
@Component
class CredentialUrls {

	private final CairnProperties properties;

	CredentialUrls(CairnProperties properties) {
		this.properties = properties;
	}

	/** The credential's id: the assertion's opaque id under {@code /public/credentials/}. */
	String credential(String assertionId) {
		return properties.publicUrl("/public/credentials/" + assertionId);
	}

	String jwt(String assertionId) {
		return credential(assertionId) + "/jwt";
	}

	String profile(String issuerId) {
		return properties.publicUrl("/public/profiles/" + issuerId);
	}

	/** The district's published JWK set (its unrevoked RSA keys). */
	String jwks(String issuerId) {
		return profile(issuerId) + "/jwks";
	}

	/** A VC-JWT {@code kid}: the key set's URL with the key named in its fragment. */
	String kid(String issuerId, String rsaKeyId) {
		return jwks(issuerId) + "#" + rsaKeyId;
	}

	String revocations(String issuerId) {
		return profile(issuerId) + "/revocations";
	}

	String multikey(String edKeyId) {
		return properties.publicUrl("/public/multikeys/" + edKeyId);
	}

}
