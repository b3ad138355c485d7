package org.cairn.system;

import java.net.URI;
import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings an operator sets for the whole installation.
 *
 * @param dataDir where the embedded store, the mail outbox and other local files live
 * @param publicBaseUrl the origin badges and links point at; every Open Badges id is built from it
 * @param embeddedMongo whether to start the in-process store when no {@code spring.mongodb.uri} is set
 */
@ConfigurationProperties("cairn")
public record CairnProperties(Path dataDir, URI publicBaseUrl, Boolean embeddedMongo) {

	public CairnProperties {
		dataDir = dataDir == null ? Path.of("data") : dataDir;
		publicBaseUrl = publicBaseUrl == null ? URI.create("http://localhost:8080") : publicBaseUrl;
		embeddedMongo = embeddedMongo == null || embeddedMongo;
	}

	/** An absolute public URL for a path such as {@code /public/assertions/abc}. */
	public String publicUrl(String path) {
		String base = publicBaseUrl.toString();
		return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path;
	}

}
