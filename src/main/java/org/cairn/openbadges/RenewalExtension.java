package org.cairn.openbadges;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * Cairn's renewal extension to the Open Badges 2.0 Assertion (spec "Extensions"): the assertion of a renewed badge
 * names the assertion it renews. Like any 2.0 extension it is an object with its own JSON-LD {@code @context} (served
 * by Cairn at {@code /public/extensions/cairn-renewal/context.json}, defining {@code renews} and pointing, through
 * {@code obi:validation}, to the JSON schema at {@code /public/extensions/cairn-renewal/schema.json}) and the types
 * {@code Extension} and {@code extensions:CairnRenewalExtension}.
 *
 * @param renews the IRI of the renewed badge's hosted assertion
 */
@JsonPropertyOrder({ "@context", "type", "renews" })
public record RenewalExtension(@JsonProperty("@context") String context, List<String> type, String renews) {

	/** The property that carries it on an Assertion. */
	public static final String PROPERTY = "extensions:CairnRenewalExtension";

	public static final String TYPE = "extensions:CairnRenewalExtension";

	/** Where the context and schema live, under the service's public base URL. */
	public static final String CONTEXT_PATH = "/public/extensions/cairn-renewal/context.json";

	public static final String SCHEMA_PATH = "/public/extensions/cairn-renewal/schema.json";

	public static RenewalExtension of(String contextUrl, String renewedAssertionUrl) {
		return new RenewalExtension(contextUrl, List.of("Extension", TYPE), renewedAssertionUrl);
	}

	/** The JSON-LD context document (spec "Extensions": terms, and the schema a validator applies). */
	public static String contextDocument(String contextUrl, String schemaUrl) {
		String vocab = contextUrl.substring(0, contextUrl.lastIndexOf('/') + 1) + "vocab#";
		return """
				{
				  "@context": {
				    "obi": "https://w3id.org/openbadges#",
				    "extensions": "https://w3id.org/openbadges/extensions#",
				    "renews": { "@id": "%s", "@type": "@id" }
				  },
				  "obi:validation": [
				    {
				      "obi:validatesType": "%s",
				      "obi:validationSchema": "%s"
				    }
				  ]
				}
				""".formatted(vocab + "renews", TYPE, schemaUrl);
	}

	/** The JSON schema of the extension object. */
	public static String schemaDocument(String schemaUrl) {
		return """
				{
				  "$schema": "http://json-schema.org/draft-04/schema#",
				  "id": "%s",
				  "title": "Cairn renewal extension",
				  "description": "The assertion of a renewed badge names the assertion it renews.",
				  "type": "object",
				  "properties": {
				    "renews": { "type": "string", "format": "uri" }
				  },
				  "required": ["renews"]
				}
				""".formatted(schemaUrl);
	}

}
