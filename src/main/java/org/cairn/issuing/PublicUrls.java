package org.cairn.issuing;

import java.net.URI;

import org.cairn.system.CairnProperties;

import org.springframework.stereotype.Component;

/** Where each public Open Badges document lives; every id in every document is built here. */
@Component
public class PublicUrls {

	private final CairnProperties properties;

	PublicUrls(CairnProperties properties) {
		this.properties = properties;
	}

	String issuer(String id) {
		return properties.publicUrl("/public/issuers/" + id);
	}

	public String badge(String id) {
		return properties.publicUrl("/public/badges/" + id);
	}

	public String badgeImage(String id) {
		return properties.publicUrl("/public/badges/" + id + "/image");
	}

	String criteria(String id) {
		return properties.publicUrl("/public/badges/" + id + "/criteria");
	}

	/** Cairn's 2.0 renewal extension: its JSON-LD context and JSON schema. */
	public String renewalContext() {
		return properties.publicUrl(org.cairn.openbadges.RenewalExtension.CONTEXT_PATH);
	}

	public String renewalSchema() {
		return properties.publicUrl(org.cairn.openbadges.RenewalExtension.SCHEMA_PATH);
	}

	public String assertion(String id) {
		return properties.publicUrl("/public/assertions/" + id);
	}

	String assertionImage(String id) {
		return properties.publicUrl("/public/assertions/" + id + "/image");
	}

	String evidence(String publicId) {
		return properties.publicUrl("/public/evidence/" + publicId);
	}

	String certificate(String id) {
		return properties.publicUrl("/public/assertions/" + id + "/certificate.pdf");
	}

	/** The single-page app's public portfolio page (not an OB document). */
	public String portfolio(String slug) {
		return properties.publicUrl("/portfolio/" + slug);
	}

	/** The JSON-LD context of Cairn's re-issue extension (on a revoked, re-issued assertion). */
	String reissueContext() {
		return properties.publicUrl(REISSUE_CONTEXT_PATH);
	}

	static final String REISSUE_CONTEXT_PATH = "/public/contexts/reissue-v1";

	String revocations(String issuerId) {
		return properties.publicUrl("/public/revocations/" + issuerId);
	}

	/**
	 * The authority of our public URLs as the issuer profile's {@code allowedOrigins} names it: the host, and
	 * {@code :port} when the port is not the scheme's default. 1EdTech's validator (and Cairn's) compares the URL
	 * authority, so a district served on {@code :8443} that published only the host would fail every hosted badge.
	 */
	String authority() {
		URI base = properties.publicBaseUrl();
		int port = base.getPort();
		int standard = "https".equalsIgnoreCase(base.getScheme()) ? 443 : 80;
		return port < 0 || port == standard ? base.getHost() : base.getHost() + ":" + port;
	}

	/** The path of one of our public URLs ({@code /public/...}), or null when the URL is not ours. */
	String ownPath(URI url) {
		String base = properties.publicUrl("");
		String text = url.toString();
		if (!text.startsWith(base + "/public/")) {
			return null;
		}
		String path = text.substring(base.length());
		int cut = path.indexOf('?');
		return cut < 0 ? path : path.substring(0, cut);
	}

}
