package org.cairn.openbadges;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;

import com.apicatalog.jsonld.JsonLd;
import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.jsonld.loader.DocumentLoader;
import com.apicatalog.rdf.api.RdfConsumerException;
import com.apicatalog.rdf.canon.RdfCanon;
import com.apicatalog.rdf.nquads.NQuadsWriter;
import jakarta.json.Json;
import jakarta.json.JsonStructure;

/**
 * JSON-LD for Open Badges 3.0 Data Integrity proofs: a document's RDF dataset canonicalized with RDFC-1.0 (SHA-256)
 * and written as canonical N-Quads. Contexts come only from the copies shipped in this package (the VC Data Model
 * 2.0, the OB 3.0.3 and the CLR 2.0.1 context, see {@code contexts/README.md}); any other remote context is refused,
 * so neither signing nor verifying ever fetches anything.
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
			JsonLd.toRdf(JsonDocument.of(new StringReader(jsonLd))).loader(OFFLINE).provide(canon);
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
