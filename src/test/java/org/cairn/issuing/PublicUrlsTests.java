package org.cairn.issuing;

import java.net.URI;
import java.nio.file.Path;

import org.cairn.system.CairnProperties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The issuer profile's allowedOrigins entry is the URL authority of the public base URL, port included when it is
 * not the default: 1EdTech's validator compares host:port, so a district on :8443 publishing only its host name had
 * every hosted badge refused.
 */
class PublicUrlsTests {

	@ParameterizedTest(name = "{0} publishes allowedOrigins {1}")
	@CsvSource({ "https://badges.example.org:8443, badges.example.org:8443", "https://badges.example.org, badges.example.org",
			"https://badges.example.org:443/, badges.example.org", "http://localhost:8080, localhost:8080",
			"http://badges.example.org:80, badges.example.org" })
	void allowedOriginIsTheAuthorityWithANonDefaultPort(String base, String expected) {
		PublicUrls urls = new PublicUrls(new CairnProperties(Path.of("data"), URI.create(base), false));
		assertThat(urls.authority()).isEqualTo(expected);
	}

}
