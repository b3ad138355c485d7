package org.cairn.openbadges;

import java.util.Map;

/**
 * 1EdTech's JSON schemas for Open Badges 3.0 and CLR 2.0, vendored as resources beside this class (source, version
 * and licence in {@code schemas/README.md}): each schema URL a credential names maps to a classpath copy, so
 * validation never fetches anything.
 */
public final class JsonSchemas {

	/** The schema an OpenBadgeCredential names in its {@code credentialSchema}. */
	public static final String ACHIEVEMENT_CREDENTIAL = OpenBadgeCredential.SCHEMA;

	/** The same schema under the {@code $id} its published build carries. */
	public static final String ACHIEVEMENT_CREDENTIAL_ID = "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential-jsonschema1.json";

	/** The schema a ClrCredential names in its {@code credentialSchema}. */
	public static final String CLR_CREDENTIAL = "https://purl.imsglobal.org/spec/clr/v2p0/schema/json/clr_v2p0_clrcredential_schema.json";

	private static final String BASE = "classpath:org/cairn/openbadges/schemas/";

	/** Schema URL to the {@code classpath:} location of its vendored copy. */
	public static final Map<String, String> VENDORED = Map.of(
			ACHIEVEMENT_CREDENTIAL, BASE + "ob_v3p0_achievementcredential_schema.json",
			ACHIEVEMENT_CREDENTIAL_ID, BASE + "ob_v3p0_achievementcredential_schema.json",
			CLR_CREDENTIAL, BASE + "clr_v2p0_clrcredential_schema_draft4.json");

	private JsonSchemas() {
	}

}
