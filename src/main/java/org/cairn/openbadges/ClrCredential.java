package org.cairn.openbadges;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import tools.jackson.databind.JsonNode;

/**
 * A Comprehensive Learner Record 2.0 credential (spec "ClrCredential", a VC Data Model 2.0 credential): the learner's
 * {@link ClrSubject} holding the Open Badges 3.0 credentials exactly as their issuer signed them, the achievements
 * they are for (with {@code creditsAvailable}, the hours each counts), one achievement for the whole record (the
 * total) and {@link Association}s from it to each; signed by the issuer with an embedded proof like any 3.0
 * credential.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({ "@context", "id", "type", "name", "description", "issuer", "validFrom", "credentialSubject",
		"credentialSchema", "proof" })
public record ClrCredential(@JsonProperty("@context") List<String> context, String id, List<String> type,
		String name, String description, OpenBadgeCredential.Profile issuer, String validFrom,
		ClrSubject credentialSubject, List<OpenBadgeCredential.CredentialSchema> credentialSchema,
		List<OpenBadgeCredential.DataIntegrityProof> proof) {

	public static final String TYPE = "ClrCredential";

	/** VC Data Model 2.0, CLR 2.0 and Open Badges 3.0, in the order the CLR 2.0 specification gives them. */
	public static final List<String> CONTEXT = List.of(LinkedData.VC_V2, LinkedData.CLR_V2, LinkedData.OB_V3);

	public static ClrCredential unsigned(String id, String name, String description, OpenBadgeCredential.Profile issuer,
			String validFrom, ClrSubject subject) {
		return new ClrCredential(CONTEXT, id, List.of("VerifiableCredential", TYPE), name, description, issuer,
				validFrom, subject,
				List.of(new OpenBadgeCredential.CredentialSchema(JsonSchemas.CLR_CREDENTIAL,
						"1EdTechJsonSchemaValidator2019")),
				null);
	}

	public ClrCredential withProof(OpenBadgeCredential.DataIntegrityProof value) {
		return new ClrCredential(context, id, type, name, description, issuer, validFrom, credentialSubject,
				credentialSchema, List.of(value));
	}

	/**
	 * The learner (by hashed identifiers, as in each credential) and their record.
	 *
	 * @param verifiableCredential the credentials as signed, untouched
	 * @param achievement the achievements of those credentials and of the record as a whole (JSON: each badge's
	 * achievement by its id, type, name, description, criteria and image, with {@code creditsAvailable}
	 * added)
	 */
	@JsonInclude(JsonInclude.Include.NON_EMPTY)
	@JsonPropertyOrder({ "type", "identifier", "verifiableCredential", "achievement", "association" })
	public record ClrSubject(List<String> type, List<OpenBadgeCredential.IdentityObject> identifier,
			List<JsonNode> verifiableCredential, List<JsonNode> achievement, List<Association> association) {

		public static ClrSubject of(List<OpenBadgeCredential.IdentityObject> identifier, List<JsonNode> credentials,
				List<JsonNode> achievements, List<Association> associations) {
			return new ClrSubject(List.of("ClrSubject"), List.copyOf(identifier), List.copyOf(credentials),
					List.copyOf(achievements), List.copyOf(associations));
		}

	}

	/** How two achievements of the record relate (spec "Association"), e.g. the record's total is parent of each. */
	@JsonPropertyOrder({ "type", "associationType", "sourceId", "targetId" })
	public record Association(String type, String associationType, String sourceId, String targetId) {

		public static Association parentOf(String sourceId, String targetId) {
			return new Association("Association", "isParentOf", sourceId, targetId);
		}

	}

}
