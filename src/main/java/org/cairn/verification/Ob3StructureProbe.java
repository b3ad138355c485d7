package org.cairn.verification;

import java.util.ArrayList;
import java.util.List;

import org.cairn.openbadges.LinkedData;
import org.cairn.openbadges.OpenBadgeCredential;
import tools.jackson.databind.JsonNode;

/**
 * Probe "3.0 structure" (spec "OpenBadgeCredential Verification", steps 1 and 2). Checks {@code ob3.context} and
 * {@code ob3.structure}. Refuses a credential whose first {@code @context} is not the VC Data Model 2.0 context or
 * that names no Open Badges 3.0 context; one without the VerifiableCredential and OpenBadgeCredential types, an IRI
 * id, an issuer Profile with an id, a readable validFrom, a credentialSubject with an id or identifier, or an
 * Achievement with id, name, description and criteria.
 */
final class Ob3StructureProbe {

	private Ob3StructureProbe() {
	}

	/** Whether a document is a VC Data Model credential of Open Badges 3.0 rather than a 2.0 document. */
	static boolean isCredential(JsonNode node) {
		List<String> types = Nodes.types(node);
		return types.contains("VerifiableCredential") || types.contains(OpenBadgeCredential.TYPE)
				|| types.contains("AchievementCredential");
	}

	static void context(JsonNode credential, Run run) {
		List<String> urls = contexts(credential);
		if (urls.isEmpty() || !LinkedData.VC_V2.equals(urls.get(0))) {
			run.fail(CheckId.OB3_CONTEXT, "The first @context must be " + LinkedData.VC_V2
					+ " (VC Data Model 2.0); Cairn verifies Open Badges 3.0 credentials of that model.");
			return;
		}
		if (urls.stream().noneMatch(u -> u.startsWith("https://purl.imsglobal.org/spec/ob/v3p0/context"))) {
			run.fail(CheckId.OB3_CONTEXT, "No Open Badges 3.0 context (https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json).");
			return;
		}
		run.pass(CheckId.OB3_CONTEXT, "VC Data Model 2.0 and Open Badges 3.0 contexts.");
	}

	/** The {@code @context} URLs in order (embedded context objects left out). */
	static List<String> contexts(JsonNode credential) {
		JsonNode context = credential.get("@context");
		return context == null ? List.of()
				: (context.isArray() ? context.values() : List.of(context)).stream()
					.filter(JsonNode::isString)
					.map(JsonNode::asString)
					.toList();
	}

	static void structure(JsonNode c, Run run) {
		List<String> types = Nodes.types(c);
		List<String> missing = new ArrayList<>();
		if (!types.contains("VerifiableCredential")
				|| !(types.contains(OpenBadgeCredential.TYPE) || types.contains("AchievementCredential"))) {
			missing.add("type VerifiableCredential and OpenBadgeCredential");
		}
		envelope(c, missing);
		JsonNode subject = c.get("credentialSubject");
		if (subject == null || !subject.isObject()) {
			missing.add("credentialSubject");
		}
		else {
			if (subject.get("id") == null && subject.get("identifier") == null) {
				missing.add("credentialSubject id or identifier");
			}
			JsonNode a = subject.get("achievement");
			if (a == null || !a.isObject()) {
				missing.add("credentialSubject.achievement");
			}
			else {
				for (String field : List.of("id", "name", "description", "criteria")) {
					if (a.get(field) == null) {
						missing.add("achievement." + field);
					}
				}
				if (!Nodes.types(a).contains("Achievement")) {
					missing.add("achievement of type Achievement");
				}
			}
		}
		if (missing.isEmpty()) {
			run.pass(CheckId.OB3_STRUCTURE, "Every required property is present.");
		}
		else {
			run.fail(CheckId.OB3_STRUCTURE, "Missing or wrong: " + String.join(", ", missing) + ".");
		}
	}

	/** What every VC Data Model 2.0 credential needs: an IRI id, an issuer Profile with an id, validFrom. */
	static void envelope(JsonNode c, List<String> missing) {
		if (!Nodes.isIri(Nodes.text(c, "id") == null ? "" : Nodes.text(c, "id"))) {
			missing.add("id");
		}
		JsonNode issuer = c.get("issuer");
		if (issuer == null || Nodes.iri(issuer) == null) {
			missing.add("issuer with an id");
		}
		else if (issuer.isObject() && !Nodes.types(issuer).contains("Profile")) {
			missing.add("issuer of type Profile");
		}
		if (Nodes.dateTime(Nodes.text(c, "validFrom")) == null) {
			missing.add("validFrom as a date-time");
		}
	}

	/** An EndorsementCredential's required properties: types, id, name, issuer Profile, validFrom, EndorsementSubject. */
	static void endorsementStructure(JsonNode c, Run run) {
		List<String> types = Nodes.types(c);
		List<String> missing = new ArrayList<>();
		if (!types.contains("VerifiableCredential") || !types.contains("EndorsementCredential")) {
			missing.add("type VerifiableCredential and EndorsementCredential");
		}
		String id = Nodes.text(c, "id");
		if (id == null || !Nodes.isIri(id)) {
			missing.add("id");
		}
		if (Nodes.text(c, "name") == null) {
			missing.add("name");
		}
		JsonNode issuer = c.get("issuer");
		if (issuer == null || Nodes.iri(issuer) == null) {
			missing.add("issuer with an id");
		}
		else if (issuer.isObject() && !Nodes.types(issuer).contains("Profile")) {
			missing.add("issuer of type Profile");
		}
		if (Nodes.dateTime(Nodes.text(c, "validFrom")) == null) {
			missing.add("validFrom as a date-time");
		}
		JsonNode subject = c.get("credentialSubject");
		if (subject == null || !subject.isObject() || Nodes.text(subject, "id") == null) {
			missing.add("credentialSubject with the id of what is endorsed");
		}
		else if (!Nodes.types(subject).contains("EndorsementSubject")) {
			missing.add("credentialSubject of type EndorsementSubject");
		}
		if (missing.isEmpty()) {
			run.pass(CheckId.ENDORSEMENT_STRUCTURE, "Every required property is present.");
		}
		else {
			run.fail(CheckId.ENDORSEMENT_STRUCTURE, "Missing or wrong: " + String.join(", ", missing) + ".");
		}
	}

}
