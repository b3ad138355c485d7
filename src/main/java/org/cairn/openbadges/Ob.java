package org.cairn.openbadges;

/** Type names and verification types of the Open Badges 2.0 vocabulary (spec: "Open Badges Vocabulary"). */
public final class Ob {

	public static final String ASSERTION = "Assertion";

	public static final String BADGE_CLASS = "BadgeClass";

	public static final String ISSUER = "Issuer";

	public static final String CRYPTOGRAPHIC_KEY = "CryptographicKey";

	public static final String REVOCATION_LIST = "RevocationList";

	/** Aliases of HostedBadge and SignedBadge declared in the v2 context. */
	public static final String HOSTED = "hosted";

	public static final String SIGNED = "signed";

	private Ob() {
	}

}
