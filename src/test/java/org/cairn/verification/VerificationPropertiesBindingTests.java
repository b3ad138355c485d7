package org.cairn.verification;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/** The byte limits became sizes without changing a deployment: a plain number is still bytes. */
class VerificationPropertiesBindingTests {

	@Test
	void theDefaultsAreHalfAMegabyteFetchedAndFiveMegabytesUploaded() {
		VerificationProperties properties = bind(Map.of());
		assertThat(properties.maxDocumentBytes()).isEqualTo(DataSize.ofBytes(524_288));
		assertThat(properties.uploadLimit()).isEqualTo(5_242_880);
	}

	@Test
	void aPlainNumberIsStillBytesAndAUnitWorksToo() {
		VerificationProperties properties = bind(Map.of("cairn.verification.max-document-bytes", "1048576",
				"cairn.verification.max-upload-bytes", "2MB"));
		assertThat(properties.maxDocumentBytes()).isEqualTo(DataSize.ofMegabytes(1));
		assertThat(properties.uploadLimit()).isEqualTo(2 * 1024 * 1024);
	}

	private static VerificationProperties bind(Map<String, String> properties) {
		return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("cairn.verification",
				VerificationProperties.class);
	}

}
