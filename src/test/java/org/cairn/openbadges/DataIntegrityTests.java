package org.cairn.openbadges;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DataIntegrityTests {

	private static final String CONTEXT = "\"@context\":[\"" + LinkedData.VC_V2 + "\",\"" + LinkedData.OB_V3 + "\"]";

	private static String configuration(String created) {
		return "{" + CONTEXT + ",\"type\":\"DataIntegrityProof\",\"cryptosuite\":\"eddsa-rdfc-2022\",\"created\":\""
				+ created + "\",\"verificationMethod\":\"https://badges.example.org/public/multikeys/k1\","
				+ "\"proofPurpose\":\"assertionMethod\"}";
	}

	private static String credential(String id) {
		return "{" + CONTEXT + ",\"id\":\"https://badges.example.org/public/credentials/" + id + "\","
				+ "\"type\":[\"VerifiableCredential\",\"OpenBadgeCredential\"],\"name\":\"Badge " + id + "\","
				+ "\"issuer\":{\"id\":\"https://badges.example.org/public/profiles/i\",\"type\":[\"Profile\"],\"name\":\"D\"},"
				+ "\"validFrom\":\"2026-11-30T16:00:00Z\",\"credentialSubject\":{\"type\":[\"AchievementSubject\"],"
				+ "\"achievement\":{\"id\":\"https://badges.example.org/public/badges/b\",\"type\":[\"Achievement\"],"
				+ "\"name\":\"B\",\"description\":\"d\",\"criteria\":{\"narrative\":\"n\"}}}}";
	}

	private static byte[] uncached(String configuration, String document) throws Exception {
		MessageDigest sha = MessageDigest.getInstance("SHA-256");
		byte[] c = sha.digest(LinkedData.canonicalNQuads(configuration).getBytes(StandardCharsets.UTF_8));
		byte[] d = sha.digest(LinkedData.canonicalNQuads(document).getBytes(StandardCharsets.UTF_8));
		byte[] both = Arrays.copyOf(c, 64);
		System.arraycopy(d, 0, both, 32, 32);
		return both;
	}

	/** The proof configurations of a bulk award repeat by the hundred: reusing their hash changes no byte. */
	@Test
	void aRepeatedProofConfigurationHashesAsIfCanonicalizedAgain() throws Exception {
		for (String created : new String[] { "2026-11-30T16:00:00Z", "2026-11-30T16:00:01Z", "2026-11-30T16:00:00Z" }) {
			for (String id : new String[] { "a", "b" }) {
				assertThat(DataIntegrity.hashData(configuration(created), credential(id)))
					.isEqualTo(uncached(configuration(created), credential(id)));
			}
		}
		assertThat(Arrays.copyOf(DataIntegrity.hashData(configuration("2026-11-30T16:00:01Z"), credential("a")), 32))
			.as("another time is another configuration")
			.isNotEqualTo(Arrays.copyOf(DataIntegrity.hashData(configuration("2026-11-30T16:00:00Z"), credential("a")), 32));
	}

}
