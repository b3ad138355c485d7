package org.cairn.openbadges;

import reactor.core.publisher.Mono;

/**
 * The Open Badges 3.0 credential of an issued assertion as a file, for features that hand out files (the PDF
 * certificate attaches it). Implemented by the credential feature; empty until the credential is issued, and for a
 * revoked badge.
 */
public interface CredentialFiles {

	/** The credential JSON with its embedded proof, exactly as served; empty when there is none (yet). */
	Mono<String> credentialJson(String assertionId);

	/**
	 * The credential JSON, issued now if the badge has none yet (a holder asking for the image with the credential
	 * baked in waits for it); empty for a revoked or unknown badge.
	 */
	Mono<String> credentialJsonNow(String assertionId);

}
