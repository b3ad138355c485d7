package org.cairn.verification;

import java.util.ArrayList;
import java.util.List;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.cairn.openbadges.JsonSchemas;
import tools.jackson.databind.JsonNode;

/**
 * Probe "3.0 schema" (spec "JSON Schema"; {@code credentialSchema} type {@code 1EdTechJsonSchemaValidator2019}).
 * Checks {@code ob3.schema}: the credential validates against 1EdTech's Open Badges 3.0 AchievementCredential schema
 * (draft 2019-09), read from the vendored copy; the validator never fetches a schema or a {@code $ref}. Each problem
 * is reported as where it is and what is wrong ("credentialSubject.achievement: "name" is missing"), the first
 * ones only.
 */
final class Ob3SchemaProbe {

	/** Problems listed in a report: the first few tell what is wrong; hundreds would hide it. */
	static final int SHOWN = 5;

	/**
	 * The compiled schemas, made on first use (or by {@link #prepare()} once the service is ready): compiling them
	 * loads the schema library and took a noticeable share of start-up (issue 14).
	 */
	private volatile Schemas schemas;

	/** The whole credential, and the parts a learner record shares with Open Badges 3.0 and the CLR association. */
	private record Schemas(Schema credential, Schema profile, Schema achievement, Schema identity, Schema proof,
			Schema association) {

		static Schemas compile() {
			SchemaRegistry registry = registry();
			return new Schemas(registry.getSchema(SchemaLocation.of(JsonSchemas.ACHIEVEMENT_CREDENTIAL)),
					part(registry, JsonSchemas.ACHIEVEMENT_CREDENTIAL, "Profile"),
					part(registry, JsonSchemas.ACHIEVEMENT_CREDENTIAL, "Achievement"),
					part(registry, JsonSchemas.ACHIEVEMENT_CREDENTIAL, "IdentityObject"),
					part(registry, JsonSchemas.ACHIEVEMENT_CREDENTIAL, "Proof"),
					part(registry, JsonSchemas.CLR_CREDENTIAL, "Association"));
		}

	}

	/** Compiles the schemas now, so the first 3.0 verification does not wait for it. */
	void prepare() {
		schemas();
	}

	private Schemas schemas() {
		Schemas compiled = schemas;
		if (compiled == null) {
			synchronized (this) {
				if (schemas == null) {
					schemas = Schemas.compile();
				}
				compiled = schemas;
			}
		}
		return compiled;
	}

	private static Schema part(SchemaRegistry registry, String schema, String definition) {
		return registry.getSchema(SchemaLocation.of(schema + "#/$defs/" + definition));
	}

	/** A registry that resolves every schema and {@code $ref} from the vendored copies, never from the network. */
	static SchemaRegistry registry() {
		return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2019_09,
				builder -> builder.schemaLoader(loader -> loader.fetchRemoteResources(false)
					.schemaIdResolvers(ids -> ids.mappings(JsonSchemas.VENDORED))));
	}

	void check(JsonNode document, Run run) {
		run.current = CheckId.OB3_SCHEMA;
		List<String> problems = problems(schemas().credential(), document, "");
		if (problems.isEmpty()) {
			run.pass(CheckId.OB3_SCHEMA, "Valid against 1EdTech's Open Badges 3.0 JSON schema.");
		}
		else {
			fail(problems, run);
		}
	}

	/**
	 * A learner record (CLR 2.0): its issuer, identifiers, achievements and proof against the Open Badges 3.0
	 * schema's definitions CLR 2.0 shares, its associations against the CLR schema's; the credentials it holds are
	 * each validated against the whole 3.0 schema in their own reports (see {@code schemas/README.md} for why not
	 * the whole CLR schema).
	 */
	void checkLearnerRecord(JsonNode record, Run run) {
		run.current = CheckId.OB3_SCHEMA;
		Schemas schemas = schemas();
		List<String> problems = new ArrayList<>();
		if (record.get("issuer") != null && record.get("issuer").isObject()) {
			problems.addAll(problems(schemas.profile(), record.get("issuer"), "issuer."));
		}
		JsonNode subject = record.get("credentialSubject");
		if (subject != null && subject.isObject()) {
			each(subject.get("identifier"), schemas.identity(), "credentialSubject.identifier", problems);
			each(subject.get("achievement"), schemas.achievement(), "credentialSubject.achievement", problems);
			each(subject.get("association"), schemas.association(), "credentialSubject.association", problems);
		}
		each(record.get("proof"), schemas.proof(), "proof", problems);
		if (problems.isEmpty()) {
			run.pass(CheckId.OB3_SCHEMA, "Its issuer, learner, achievements, associations and proof are valid against"
					+ " 1EdTech's Open Badges 3.0 and CLR 2.0 JSON schemas.");
		}
		else {
			fail(problems, run);
		}
	}

	private static void each(JsonNode items, Schema schema, String at, List<String> problems) {
		if (items == null) {
			return;
		}
		List<JsonNode> list = items.isArray() ? items.values().stream().toList() : List.of(items);
		for (int i = 0; i < list.size() && problems.size() <= SHOWN; i++) {
			problems.addAll(problems(schema, list.get(i), at + "[" + i + "]."));
		}
	}

	static void fail(List<String> problems, Run run) {
		run.schemaProblems = problems.subList(0, Math.min(SHOWN, problems.size()));
		run.fail(CheckId.OB3_SCHEMA, "Not valid against 1EdTech's JSON schema: " + String.join("; ", run.schemaProblems)
				+ (problems.size() > SHOWN ? "; and " + (problems.size() - SHOWN) + " more." : "."));
	}

	/** The schema's findings in words, each prefixed with where in the document it is (below {@code at}). */
	static List<String> problems(Schema schema, JsonNode document, String at) {
		List<String> problems = new ArrayList<>();
		for (Error error : schema.validate(document)) {
			problems.add(words(error, at));
		}
		return problems;
	}

	private static String words(Error error, String at) {
		// the location is a JSON pointer (/credentialSubject/identifier/0): written as a path people read
		String path = error.getInstanceLocation().toString().replaceFirst("^[$#]?\\.?/?", "")
			.replaceAll("/(\\d+)(?=/|$)", "[$1]")
			.replace('/', '.');
		String where = (at + path).replace(".[", "[").replaceFirst("\\.$", "");
		if ("required".equals(error.getKeyword()) && error.getProperty() != null) {
			return (where.isEmpty() ? "" : where + ": ") + "\u201C" + error.getProperty() + "\u201D is missing";
		}
		String message = error.getMessage();
		// the library's message starts with the location again ("$.validFrom: ..."): keep only what is wrong
		int colon = message.indexOf(": ");
		String what = message.startsWith("$") && colon > 0 ? message.substring(colon + 2) : message;
		return (where.isEmpty() ? "the credential" : where) + ": " + Verifier.abbreviate(what);
	}

}
