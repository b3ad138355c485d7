package org.cairn.openbadges;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.JsonLdOptions;
import com.apicatalog.jsonld.context.ActiveContext;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.jsonld.expansion.Expansion;
import com.apicatalog.jsonld.json.JsonProvider;
import com.apicatalog.jsonld.loader.DocumentLoader;
import com.apicatalog.jsonld.processor.ProcessingRuntime;
import com.apicatalog.jsonld.processor.ToRdfProcessor;
import com.apicatalog.rdf.api.RdfConsumerException;
import com.apicatalog.rdf.canon.RdfCanon;
import com.apicatalog.rdf.nquads.NQuadsWriter;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;

/**
 * JSON-LD for Open Badges 3.0 Data Integrity proofs: a document's RDF dataset canonicalized with RDFC-1.0 (SHA-256)
 * and written as canonical N-Quads. Contexts come only from the copies shipped in this package (the VC Data Model
 * 2.0, the OB 3.0.3 and the CLR 2.0.1 context, see {@code contexts/README.md}); any other remote context is refused,
 * so neither signing nor verifying ever fetches anything.
 * <p>
 * Processing those contexts was most of a credential's canonicalization (the VC context alone defines some fifty
 * protected terms): a document whose top-level {@code @context} names only vendored contexts is expanded from the
 * active context they give, processed once per list of URLs and kept, which is what the JSON-LD expansion algorithm
 * does with that {@code @context} entry anyway (its step "If element contains the entry @context"); everything else
 * (embedded contexts, type- and property-scoped ones) is processed as before. {@code LinkedDataTests} checks the
 * N-Quads are byte for byte those of the plain processor.
 */
public final class LinkedData {

	public static final String VC_V2 = "https://www.w3.org/ns/credentials/v2";

	public static final String OB_V3 = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";

	public static final String CLR_V2 = "https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json";

	private static final Map<String, JsonStructure> CONTEXTS = Map.of(VC_V2, load("contexts/credentials-v2.jsonld"),
			OB_V3, load("contexts/ob-v3p0-context-3.0.3.json"), CLR_V2, load("contexts/clr-v2p0-context-2.0.1.json"));

	private static final DocumentLoader OFFLINE = (url, options) -> {
		JsonStructure context = CONTEXTS.get(url.toString());
		if (context == null) {
			throw new JsonLdError(JsonLdErrorCode.LOADING_DOCUMENT_FAILED,
					"Only the VC Data Model 2.0, Open Badges 3.0 and CLR 2.0 contexts are known here, not " + url);
		}
		JsonDocument document = JsonDocument.of(context);
		document.setDocumentUrl(url);
		return document;
	};

	/** The processor's defaults with the offline loader, as {@code JsonLd.toRdf(document).loader(OFFLINE)} has them. */
	private static final JsonLdOptions OPTIONS = new JsonLdOptions(OFFLINE);

	/**
	 * Active contexts by the top-level {@code @context} they come from (a list of vendored URLs). Never changed once
	 * made: expansion derives a new context for every scoped or embedded one. Bounded: documents from elsewhere
	 * (verification) may list the known URLs in other orders.
	 */
	private static final Map<JsonValue, ActiveContext> PROCESSED = new ConcurrentHashMap<>();

	private static final int MAX_PROCESSED = 32;

	private LinkedData() {
	}

	/** Whether a context URL is one this installation knows without the network. */
	public static boolean known(String contextUrl) {
		return CONTEXTS.containsKey(contextUrl);
	}

	/**
	 * The RDFC-1.0 canonical N-Quads of a JSON-LD document. CPU work (call it off the event loop).
	 *
	 * @throws IllegalArgumentException when the document is not JSON-LD this processor can expand offline
	 */
	public static String canonicalNQuads(String jsonLd) {
		try {
			RdfCanon canon = RdfCanon.create("SHA-256");
			JsonStructure document = JsonDocument.of(new StringReader(jsonLd)).getJsonContent().orElseThrow();
			ToRdfProcessor.toRdf(canon, expand(document), OPTIONS);
			StringWriter out = new StringWriter();
			canon.provide(new NQuadsWriter(out));
			return out.toString();
		}
		catch (JsonLdError ex) {
			throw new IllegalArgumentException("Not expandable JSON-LD: " + ex.getMessage(), ex);
		}
		catch (RdfConsumerException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * JSON-LD expansion as {@code ExpansionProcessor} does it for a document without a URL or base, starting from the
	 * kept active context of its top-level {@code @context} when there is one.
	 */
	private static JsonArray expand(JsonStructure document) throws JsonLdError {
		JsonValue element = document;
		ActiveContext context = null;
		if (document instanceof JsonObject object && object.containsKey("@context")) {
			context = processed(object.get("@context"));
			if (context != null) {
				element = JsonProvider.instance().createObjectBuilder(object).remove("@context").build();
			}
		}
		if (context == null) {
			context = new ActiveContext(null, null, ProcessingRuntime.of(OPTIONS));
		}
		JsonValue expanded = Expansion.with(context, element, null, null)
			.frameExpansion(false)
			.ordered(OPTIONS.isOrdered())
			.compute();
		if (expanded instanceof JsonObject object && object.size() == 1 && object.containsKey("@graph")) {
			expanded = object.get("@graph");
		}
		if (expanded == null || expanded.getValueType() == JsonValue.ValueType.NULL) {
			return JsonValue.EMPTY_JSON_ARRAY;
		}
		return expanded instanceof JsonArray array ? array : JsonProvider.instance().createArrayBuilder().add(expanded).build();
	}

	/**
	 * The active context of a top-level {@code @context} that names vendored contexts only, processed once; null for
	 * any other (processed with the document as before, so its errors are the processor's own).
	 */
	private static ActiveContext processed(JsonValue contexts) throws JsonLdError {
		ActiveContext kept = PROCESSED.get(contexts);
		if (kept != null) {
			return kept;
		}
		if (!onlyKnown(contexts) || PROCESSED.size() >= MAX_PROCESSED) {
			return null;
		}
		ActiveContext context = new ActiveContext(null, null, ProcessingRuntime.of(OPTIONS)).newContext()
			.create(contexts, null);
		if (context.getPreviousContext() != null) {
			// a non-propagated context would apply differently to the top-level node itself: not kept
			return null;
		}
		PROCESSED.putIfAbsent(contexts, context);
		return context;
	}

	private static boolean onlyKnown(JsonValue contexts) {
		if (contexts instanceof JsonString url) {
			return known(url.getString());
		}
		return contexts instanceof JsonArray list && !list.isEmpty()
				&& list.stream().allMatch(c -> c instanceof JsonString url && known(url.getString()));
	}

	private static JsonStructure load(String resource) {
		try (InputStream in = LinkedData.class.getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("missing vendored context " + resource);
			}
			return Json.createReader(in).read();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}


}
