package org.cairn.openbadges;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import tools.jackson.databind.JsonNode;

/**
 * An Open Badges 3.0 credential (spec "OpenBadgeCredential", a VC Data Model 2.0 Verifiable Credential): the issuer
 * {@link Profile}, the {@link AchievementSubject} with the recipient as hashed {@link IdentityObject}s and the
 * {@link Achievement}, the validity period, the {@code 1EdTechRevocationList} status, and the embedded Data
 * Integrity {@code proof} once signed. Null values and empty lists are left out (spec "Serialization": JSON).
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({ "@context", "id", "type", "name", "description", "issuer", "validFrom", "validUntil",
		"credentialSubject", "evidence", "credentialStatus", "credentialSchema", "relatedResource", "proof" })
public record OpenBadgeCredential(@JsonProperty("@context") List<String> context, String id, List<String> type,
		String name, String description, Profile issuer, String validFrom, String validUntil,
		AchievementSubject credentialSubject, List<Evidence> evidence, CredentialStatus credentialStatus,
		List<CredentialSchema> credentialSchema, List<RelatedResource> relatedResource, List<DataIntegrityProof> proof) {

	/** Without related resources (older callers). */
	public OpenBadgeCredential(List<String> context, String id, List<String> type, String name, String description,
			Profile issuer, String validFrom, String validUntil, AchievementSubject credentialSubject,
			List<Evidence> evidence, CredentialStatus credentialStatus, List<CredentialSchema> credentialSchema,
			List<DataIntegrityProof> proof) {
		this(context, id, type, name, description, issuer, validFrom, validUntil, credentialSubject, evidence,
				credentialStatus, credentialSchema, null, proof);
	}

	@com.fasterxml.jackson.annotation.JsonCreator
	public OpenBadgeCredential {
	}

	public static final List<String> CONTEXT = List.of(LinkedData.VC_V2, LinkedData.OB_V3);

	public static final String TYPE = "OpenBadgeCredential";

	/** The JSON schema 1EdTech publishes for OpenBadgeCredentials (spec "JSON Schema"). */
	public static final String SCHEMA = "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json";

	/** The revocation method the OB 3.0 verification procedure names (spec "Verification", step 4). */
	public static final String REVOCATION_LIST = "1EdTechRevocationList";

	public static OpenBadgeCredential unsigned(String id, String name, String description, Profile issuer,
			String validFrom, String validUntil, AchievementSubject subject, List<Evidence> evidence,
			String revocationListUrl) {
		return new OpenBadgeCredential(CONTEXT, id, List.of("VerifiableCredential", TYPE), name, description, issuer,
				validFrom, validUntil, subject, evidence, new CredentialStatus(revocationListUrl, REVOCATION_LIST),
				List.of(new CredentialSchema(SCHEMA, "1EdTechJsonSchemaValidator2019")), null);
	}

	/**
	 * The credential with its proof, as a list of one: 1EdTech's schema (and the spec's "Proof [0..*]") want an array
	 * even for a single proof.
	 */
	public OpenBadgeCredential withProof(DataIntegrityProof value) {
		return new OpenBadgeCredential(context, id, type, name, description, issuer, validFrom, validUntil,
				credentialSubject, evidence, credentialStatus, credentialSchema, relatedResource, List.of(value));
	}

	/** A credential naming others it depends on (the credential a renewal renews), each with its digest. */
	public OpenBadgeCredential withRelated(List<RelatedResource> value) {
		return new OpenBadgeCredential(context, id, type, name, description, issuer, validFrom, validUntil,
				credentialSubject, evidence, credentialStatus, credentialSchema, value, proof);
	}

	/**
	 * A resource the credential refers to, with its digest (VC Data Model 2.0 "Integrity of Related Resources"):
	 * Cairn names the credential a renewal renews this way, a term every OB 3.0 context already defines, so both
	 * proofs cover it and no extra context has to be fetched to check them.
	 *
	 * @param digestSRI {@code sha384-} and the base64 SHA-384 of the resource's bytes as served
	 */
	@JsonInclude(JsonInclude.Include.NON_EMPTY)
	public record RelatedResource(String id, String mediaType, String digestSRI) {
	}

	/** The issuer (spec "Profile"); served on its own at {@code id} as well. */
	@JsonInclude(JsonInclude.Include.NON_EMPTY)
	@JsonPropertyOrder({ "@context", "id", "type", "name", "url", "email", "description", "image", "endorsement" })
	public record Profile(@JsonProperty("@context") List<String> context, String id, List<String> type, String name,
			String url, String email, String description, Image image, List<JsonNode> endorsement) {

		/** Embedded in a credential: the credential's context applies. */
		public static Profile embedded(String id, String name, String url, String email, String description,
				Image image) {
			return new Profile(null, id, List.of("Profile"), name, url, email, description, image, null);
		}

		/** Served on its own. */
		public Profile standalone() {
			return new Profile(CONTEXT, id, type, name, url, email, description, image, endorsement);
		}

		/** With the EndorsementCredentials of this issuer its district accepted (spec "Profile": endorsement). */
		public Profile withEndorsement(List<JsonNode> credentials) {
			return new Profile(context, id, type, name, url, email, description, image,
					credentials.isEmpty() ? null : List.copyOf(credentials));
		}

	}

	@JsonInclude(JsonInclude.Include.NON_EMPTY)
	public record Image(String id, String type, String caption) {

		public static Image of(String id, String caption) {
			return id == null || id.isBlank() ? null : new Image(id, "Image", caption);
		}

	}

	/** The recipient and what they achieved (spec "AchievementSubject"); identified by hashed identifiers only. */
	@JsonInclude(JsonInclude.Include.NON_EMPTY)
	@JsonPropertyOrder({ "type", "identifier", "achievement" })
	public record AchievementSubject(List<String> type, List<IdentityObject> identifier, Achievement achievement) {

		public static AchievementSubject of(List<IdentityObject> identifier, Achievement achievement) {
			return new AchievementSubject(List.of("AchievementSubject"), List.copyOf(identifier), achievement);
		}

	}

	/**
	 * A hashed recipient identifier (spec "IdentityObject"): {@code identityHash} is {@code sha256$} + hex(SHA-256 of
	 * the lower-cased email followed by the salt), as in 2.0.
	 */
	@JsonPropertyOrder({ "type", "identityHash", "identityType", "hashed", "salt" })
	public record IdentityObject(String type, String identityHash, String identityType, boolean hashed, String salt) {

		public static IdentityObject hashedEmail(String email, String salt) {
			return new IdentityObject("IdentityObject", org.cairn.openbadges.IdentityObject.sha256Identity(email, salt),
					"emailAddress", true, salt);
		}

	}

	/** What was achieved (spec "Achievement"): the 3.0 form of the 2.0 BadgeClass. */
	@JsonInclude(JsonInclude.Include.NON_EMPTY)
	@JsonPropertyOrder({ "id", "type", "achievementType", "name", "description", "criteria", "image", "alignment",
			"resultDescription", "tag", "version", "creator", "endorsement" })
	public record Achievement(String id, List<String> type, String achievementType, String name, String description,
			Criteria criteria, Image image, List<Alignment> alignment, List<ResultDescription> resultDescription,
			List<String> tag, String version, Profile creator, List<JsonNode> endorsement) {

		public static final String MICRO_CREDENTIAL = "MicroCredential";

		public static Achievement microCredential(String id, String name, String description, Criteria criteria,
				Image image, List<Alignment> alignment, List<ResultDescription> resultDescription, List<String> tag,
				String version, Profile creator) {
			return new Achievement(id, List.of("Achievement"), MICRO_CREDENTIAL, name, description, criteria, image,
					alignment, resultDescription, tag, version, creator, null);
		}

		/**
		 * With the EndorsementCredentials of this achievement its district accepted when the credential was issued
		 * (spec "Achievement": endorsement); each keeps its own proof and status.
		 */
		public Achievement withEndorsement(List<JsonNode> credentials) {
			return new Achievement(id, type, achievementType, name, description, criteria, image, alignment,
					resultDescription, tag, version, creator, credentials.isEmpty() ? null : List.copyOf(credentials));
		}

	}

	@JsonInclude(JsonInclude.Include.NON_EMPTY)
	public record Criteria(String id, String narrative) {
	}

	/** A standard the achievement aligns to (spec "Alignment"; targetName and targetUrl are required). */
	@JsonInclude(JsonInclude.Include.NON_EMPTY)
	@JsonPropertyOrder({ "type", "targetName", "targetUrl", "targetDescription", "targetFramework", "targetCode" })
	public record Alignment(List<String> type, String targetName, String targetUrl, String targetDescription,
			String targetFramework, String targetCode) {

		public static Alignment of(String targetName, String targetUrl, String targetDescription,
				String targetFramework, String targetCode) {
			return new Alignment(List.of("Alignment"), targetName, targetUrl, targetDescription, targetFramework,
					targetCode);
		}

	}

	/**
	 * How one rubric criterion is scored (spec "ResultDescription" with {@code resultType} RubricCriterionLevel): its
	 * levels in order, and the level needed to pass.
	 */
	@JsonInclude(JsonInclude.Include.NON_EMPTY)
	@JsonPropertyOrder({ "id", "type", "name", "resultType", "rubricCriterionLevel", "requiredLevel" })
	public record ResultDescription(String id, List<String> type, String name, String resultType,
			List<RubricCriterionLevel> rubricCriterionLevel, String requiredLevel) {

		public static ResultDescription rubric(String id, String name, List<RubricCriterionLevel> levels,
				String requiredLevel) {
			return new ResultDescription(id, List.of("ResultDescription"), name, "RubricCriterionLevel",
					List.copyOf(levels), requiredLevel);
		}

	}

	@JsonInclude(JsonInclude.Include.NON_EMPTY)
	@JsonPropertyOrder({ "id", "type", "name", "description", "level" })
	public record RubricCriterionLevel(String id, List<String> type, String name, String description, String level) {

		public static RubricCriterionLevel of(String id, String name, String description, String level) {
			return new RubricCriterionLevel(id, List.of("RubricCriterionLevel"), name, description, level);
		}

	}

	@JsonInclude(JsonInclude.Include.NON_EMPTY)
	@JsonPropertyOrder({ "id", "type", "name", "narrative", "genre" })
	public record Evidence(String id, List<String> type, String name, String narrative, String genre) {

		public static Evidence of(String id, String name, String narrative, String genre) {
			return new Evidence(id, List.of("Evidence"), name, narrative, genre);
		}

	}

	public record CredentialStatus(String id, String type) {
	}

	public record CredentialSchema(String id, String type) {
	}

	/**
	 * An embedded proof (Data Integrity 1.0 "DataIntegrityProof") made with the {@code eddsa-rdfc-2022} cryptosuite;
	 * without {@code proofValue} it is the proof configuration that is hashed (vc-di-eddsa "Proof Configuration").
	 */
	@JsonInclude(JsonInclude.Include.NON_EMPTY)
	@JsonPropertyOrder({ "@context", "type", "cryptosuite", "created", "verificationMethod", "proofPurpose",
			"proofValue" })
	public record DataIntegrityProof(@JsonProperty("@context") List<String> context, String type, String cryptosuite,
			String created, String verificationMethod, String proofPurpose, String proofValue) {

		public static final String EDDSA_RDFC_2022 = "eddsa-rdfc-2022";

		/** The proof options to hash, carrying the credential's context as the cryptosuite requires. */
		public static DataIntegrityProof configuration(String created, String verificationMethod) {
			return configuration(CONTEXT, created, verificationMethod);
		}

		/** The proof options for a document of another context (a learner record's). */
		public static DataIntegrityProof configuration(List<String> context, String created, String verificationMethod) {
			return new DataIntegrityProof(context, "DataIntegrityProof", EDDSA_RDFC_2022, created, verificationMethod,
					"assertionMethod", null);
		}

		public DataIntegrityProof signed(String value) {
			return new DataIntegrityProof(null, type, cryptosuite, created, verificationMethod, proofPurpose, value);
		}

	}

	/** An issuer's public Ed25519 key (Controlled Identifiers "Multikey"), served at its {@code id}. */
	@JsonPropertyOrder({ "@context", "id", "type", "controller", "publicKeyMultibase" })
	@JsonInclude(JsonInclude.Include.NON_EMPTY)
	public record Multikey(@JsonProperty("@context") String context, String id, String type, String controller,
			String publicKeyMultibase, String revoked) {

		public static final String CONTEXT = "https://w3id.org/security/multikey/v1";

		public static Multikey of(String id, String controller, String publicKeyMultibase, String revoked) {
			return new Multikey(CONTEXT, id, "Multikey", controller, publicKeyMultibase, revoked);
		}

	}

	/**
	 * An issuer's revoked credentials as the 1EdTech Revocation List Status Method serves them: each by
	 * {@code id} with its reason.
	 */
	@JsonPropertyOrder({ "id", "issuer", "revokedCredential" })
	public record RevocationList(String id, String issuer, List<Revoked> revokedCredential) {

		@JsonInclude(JsonInclude.Include.NON_EMPTY)
		public record Revoked(String id, boolean revoked, String revocationReason) {
		}

	}

}
