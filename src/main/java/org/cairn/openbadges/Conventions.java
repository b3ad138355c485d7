package org.cairn.openbadges;

/** Names shared by issuing (which writes them) and verification (which reads them). */
public final class Conventions {

	/** The Open Badges 2.0 JSON-LD context. */
	public static final String CONTEXT_V2 = "https://w3id.org/openbadges/v2";

	/** PNG baking: the iTXt chunk keyword. */
	public static final String PNG_KEYWORD = "openbadges";

	/** SVG baking: the element name, in namespace {@link #SVG_NAMESPACE}. */
	public static final String SVG_ELEMENT = "openbadges:assertion";

	public static final String SVG_NAMESPACE = "http://openbadges.org";

	/** Open Badges 3.0 baking (spec "Baked Badge"): the PNG iTXt keyword of the credential. */
	public static final String PNG_KEYWORD_V3 = "openbadgecredential";

	/** Open Badges 3.0 baking: the SVG element holding the credential, in namespace {@link #SVG_NAMESPACE_V3}. */
	public static final String SVG_ELEMENT_V3 = "openbadges:credential";

	public static final String SVG_NAMESPACE_V3 = "https://purl.imsglobal.org/ob/v3p0";

	/** A Cairn transcript PDF: the embedded file listing the badges it carries ({@code cairn.transcript/1}). */
	public static final String TRANSCRIPT_MANIFEST = "cairn-transcript.json";

	/** PDF certificates: the embedded file holding the compact JWS (signed badges). */
	public static final String PDF_ATTACHMENT_JWS = "openbadges-assertion.jws";

	/** PDF certificates: the embedded file holding the Open Badges 3.0 credential, once it is issued. */
	public static final String PDF_ATTACHMENT_OB3 = "openbadges-credential-v3.json";

	/** PDF certificates: the embedded file holding the assertion JSON (always present). */
	public static final String PDF_ATTACHMENT_JSON = "openbadges-assertion.json";

	private Conventions() {
	}

}
