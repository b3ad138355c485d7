package org.cairn.issuing;

/** How a district's badges are verified: the hosted assertion URL is the proof, or a JWS signed by its key. */
public enum VerificationMode {
	HOSTED, SIGNED
}
