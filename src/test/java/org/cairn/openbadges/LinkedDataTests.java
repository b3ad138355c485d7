package org.cairn.openbadges;

import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.apicatalog.jsonld.JsonLd;
import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.jsonld.loader.DocumentLoader;
import com.apicatalog.rdf.canon.RdfCanon;
import com.apicatalog.rdf.nquads.NQuadsWriter;
import jakarta.json.Json;
import org.cairn.openbadges.OpenBadgeCredential.Achievement;
import org.cairn.openbadges.OpenBadgeCredential.AchievementSubject;
import org.cairn.openbadges.OpenBadgeCredential.Alignment;
import org.cairn.openbadges.OpenBadgeCredential.DataIntegrityProof;
import org.cairn.openbadges.OpenBadgeCredential.Image;
import org.cairn.openbadges.OpenBadgeCredential.ResultDescription;
import org.cairn.openbadges.OpenBadgeCredential.RubricCriterionLevel;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The canonical N-Quads a proof signs are byte for byte those of the plain JSON-LD processor (titanium's
 * {@code JsonLd.toRdf} with the vendored contexts, as Cairn called it before the processed contexts were kept), for
 * the credentials Cairn makes: awarded, with evidence and a rubric, endorsed, in Spanish, with odd characters, a
 * learner record, a proof configuration; and documents from elsewhere are refused or canonicalized as before.
 */
class LinkedDataTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Map<String, String> CONTEXTS = Map.of(LinkedData.VC_V2, "contexts/credentials-v2.jsonld",
			LinkedData.OB_V3, "contexts/ob-v3p0-context-3.0.3.json", LinkedData.CLR_V2,
			"contexts/clr-v2p0-context-2.0.1.json");

	private static final DocumentLoader LOADER = (url, options) -> {
		String resource = CONTEXTS.get(url.toString());
		if (resource == null) {
			throw new JsonLdError(JsonLdErrorCode.LOADING_DOCUMENT_FAILED, "offline: " + url);
		}
		try (InputStream in = LinkedData.class.getResourceAsStream(resource)) {
			JsonDocument document = JsonDocument.of(Json.createReader(in).read());
			document.setDocumentUrl(url);
			return document;
		}
		catch (java.io.IOException ex) {
			throw new JsonLdError(JsonLdErrorCode.LOADING_DOCUMENT_FAILED, ex.getMessage());
		}
	};

	/** The plain processor, each document from scratch. */
	static String plain(String jsonLd) throws Exception {
		RdfCanon canon = RdfCanon.create("SHA-256");
		JsonLd.toRdf(JsonDocument.of(new StringReader(jsonLd))).loader(LOADER).provide(canon);
		StringWriter out = new StringWriter();
		canon.provide(new NQuadsWriter(out));
		return out.toString();
	}

	private static OpenBadgeCredential.Profile issuer(String name) {
		return OpenBadgeCredential.Profile.embedded("https://badges.example.org/public/profiles/d1", name,
				"https://district.example.org", "badges@district.example.org", "The district's professional learning",
				Image.of("https://badges.example.org/public/profiles/d1/image", name));
	}

	private static Achievement achievement(String name, String description, List<JsonNode> endorsements) {
		List<RubricCriterionLevel> levels = List.of(
				RubricCriterionLevel.of("urn:uuid:6f1c2d9e-0000-4000-8000-000000000001", "Emerging", "Begins to", null),
				RubricCriterionLevel.of("urn:uuid:6f1c2d9e-0000-4000-8000-000000000002", "Proficient", "Does", null),
				RubricCriterionLevel.of("urn:uuid:6f1c2d9e-0000-4000-8000-000000000003", "Distinguished", "Leads", null));
		List<ResultDescription> results = List.of(
				ResultDescription.rubric("urn:uuid:7a2b0000-0000-4000-8000-000000000001", "Rubric: uses data",
						levels, levels.get(1).id()),
				ResultDescription.rubric("urn:uuid:7a2b0000-0000-4000-8000-000000000002", "Rubric: reflects",
						levels, levels.get(1).id()));
		return Achievement.microCredential("https://badges.example.org/public/badges/b1", name, description,
				new OpenBadgeCredential.Criteria("https://badges.example.org/public/badges/b1#criteria",
						"Submit a lesson plan and a reflection."),
				Image.of("https://badges.example.org/public/badges/b1/image", name),
				List.of(Alignment.of("Data", "https://standards.example.org/lf/data", "Uses data", "Learning Forward",
						"LF-D")),
				results, List.of("data", "datos"), "2", null)
			.withEndorsement(endorsements);
	}

	private static String credential(String id, String name, String description, List<OpenBadgeCredential.Evidence> evidence,
			List<JsonNode> endorsements, String validUntil) {
		AchievementSubject subject = AchievementSubject.of(
				List.of(OpenBadgeCredential.IdentityObject.hashedEmail("maría.núñez@district.example.org",
						"0123456789abcdef0123456789abcdef")),
				achievement(name, description, endorsements));
		return JSON.writeValueAsString(OpenBadgeCredential.unsigned("https://badges.example.org/public/credentials/" + id,
				name, description, issuer("Distrito Escolar de Ejemplo"), "2026-11-30T16:00:00Z", validUntil, subject,
				evidence, "https://badges.example.org/public/revocations/d1"));
	}

	private static JsonNode endorsement() {
		EndorsementCredential unsigned = EndorsementCredential.unsigned("https://other.example.org/public/endorsements/e1",
				"Endorsement of Data Teams", issuer("Other District"), "2026-10-01T08:00:00Z",
				"https://badges.example.org/public/badges/b1", "Rigorous — «riguroso» and fair.",
				"https://other.example.org/public/revocations/o1");
		DataIntegrityProof proof = DataIntegrityProof.configuration("2026-10-01T08:00:00Z",
				"https://other.example.org/public/multikeys/k1").signed("z3FXQjecWufY46yg5abdVZsXqLhxhueuSoZgNSARiKBk");
		return JSON.readTree(JSON.writeValueAsString(unsigned.withProof(proof)));
	}

	static List<String> documents() {
		List<OpenBadgeCredential.Evidence> evidence = List.of(
				OpenBadgeCredential.Evidence.of("https://badges.example.org/public/evidence/p1", "Lesson plan",
						"A plan for\nfour weeks, \"co-taught\".", "Document"),
				OpenBadgeCredential.Evidence.of("https://badges.example.org/public/evidence/p2", "Reflexión",
						"Qué aprendí: la evaluación formativa…", "Reflection"));
		String odd = "Tab\there, back\\slash, <script>alert(1)</script>, line\u2028separator, \u0000 nul, emoji 🎓, "
				+ "RTL עברית, combining e\u0301, quotes \"'`, controls \u001f\u007f";
		return List.of(
				credential("a1", "Data Teams", "Uses student data in a team.", List.of(), List.of(), null),
				credential("a2", "Data Teams", "Uses student data in a team.", evidence, List.of(), "2029-11-30T16:00:00Z"),
				credential("a3", "Equipos de datos", "Usa datos de los estudiantes — en equipo.", evidence,
						List.of(endorsement()), null),
				credential("a4", odd, odd, List.of(OpenBadgeCredential.Evidence.of(
						"https://badges.example.org/public/evidence/p3", odd, odd, odd)), List.of(), null),
				JSON.writeValueAsString(ClrCredential.unsigned("https://badges.example.org/public/records/r1",
						"Registro de aprendizaje", "All of María's badges", issuer("Distrito"), "2026-11-30T16:00:00Z",
						ClrCredential.ClrSubject.of(
								List.of(OpenBadgeCredential.IdentityObject.hashedEmail("maria@district.example.org",
										"00ff00ff00ff00ff00ff00ff00ff00ff")),
								List.of(JSON.readTree(credential("a3", "Equipos de datos", "Usa datos.", evidence,
										List.of(endorsement()), null))),
								List.of(JSON.readTree(JSON.writeValueAsString(achievement("Equipos", "d", List.of())))),
								List.of(ClrCredential.Association.parentOf("https://badges.example.org/public/badges/b0",
										"https://badges.example.org/public/badges/b1"))))),
				JSON.writeValueAsString(DataIntegrityProof.configuration("2026-11-30T16:00:00Z",
						"https://badges.example.org/public/multikeys/k1")),
				JSON.writeValueAsString(DataIntegrityProof.configuration(ClrCredential.CONTEXT, "2026-11-30T16:00:00Z",
						"https://badges.example.org/public/multikeys/k1")),
				// the same contexts by one URL, in another order, with an embedded context of its own
				"{\"@context\":\"" + LinkedData.VC_V2 + "\",\"id\":\"urn:uuid:1\",\"type\":[\"VerifiableCredential\"],"
						+ "\"issuer\":\"https://i.example.org\",\"validFrom\":\"2026-01-01T00:00:00Z\","
						+ "\"credentialSubject\":{\"id\":\"urn:uuid:2\"}}",
				"{\"@context\":[\"" + LinkedData.OB_V3 + "\",\"" + LinkedData.VC_V2 + "\",{\"ex\":\"https://ex.example.org/\"}],"
						+ "\"id\":\"urn:uuid:3\",\"type\":[\"VerifiableCredential\",\"OpenBadgeCredential\"],"
						+ "\"ex:note\":\"kept\",\"name\":\"N\"}",
				// a node without a top-level context: nothing is kept for it
				"{\"@id\":\"urn:uuid:4\",\"https://schema.org/name\":\"plain\"}");
	}

	@Test
	void theCanonicalNQuadsAreThoseOfThePlainProcessor() throws Exception {
		for (String document : documents()) {
			String expected = plain(document);
			assertThat(expected).as("a document with statements: %s", document).isNotBlank();
			assertThat(LinkedData.canonicalNQuads(document)).as(document).isEqualTo(expected);
			assertThat(LinkedData.canonicalNQuads(document)).as("again, from the kept context").isEqualTo(expected);
		}
	}

	/** Many threads at once share the kept contexts: none sees another's terms. */
	@Test
	void threadsSharingTheKeptContextsGetTheSameBytes() throws Exception {
		List<String> documents = documents();
		List<String> expected = new ArrayList<>();
		for (String document : documents) {
			expected.add(plain(document));
		}
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			List<Future<Boolean>> runs = new ArrayList<>();
			for (int t = 0; t < 8; t++) {
				runs.add(pool.submit(() -> {
					for (int round = 0; round < 5; round++) {
						for (int i = 0; i < documents.size(); i++) {
							if (!LinkedData.canonicalNQuads(documents.get(i)).equals(expected.get(i))) {
								return false;
							}
						}
					}
					return true;
				}));
			}
			for (Future<Boolean> run : runs) {
				assertThat(run.get()).isTrue();
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void aContextFromElsewhereIsStillRefusedWithoutFetchingIt() {
		assertThatThrownBy(() -> LinkedData.canonicalNQuads("{\"@context\":[\"" + LinkedData.VC_V2
				+ "\",\"https://evil.example.org/context.json\"],\"type\":[\"VerifiableCredential\"]}"))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("https://evil.example.org/context.json");
		assertThatThrownBy(() -> LinkedData.canonicalNQuads("{\"@context\":\"https://evil.example.org/c\",\"name\":\"x\"}"))
			.isInstanceOf(IllegalArgumentException.class);
	}

	/** A term the contexts protect cannot be redefined by a document that names the kept contexts. */
	@Test
	void aProtectedTermRedefinedByTheDocumentIsAnErrorAsBefore() throws Exception {
		String redefining = "{\"@context\":[\"" + LinkedData.VC_V2 + "\",{\"name\":\"https://evil.example.org/name\"}],"
				+ "\"type\":[\"VerifiableCredential\"],\"name\":\"x\"}";
		assertThatThrownBy(() -> plain(redefining)).isInstanceOf(JsonLdError.class);
		assertThatThrownBy(() -> LinkedData.canonicalNQuads(redefining)).isInstanceOf(IllegalArgumentException.class);
	}

}
