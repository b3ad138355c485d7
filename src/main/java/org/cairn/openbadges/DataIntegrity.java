package org.cairn.openbadges;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The data an {@code eddsa-rdfc-2022} proof signs (vc-di-eddsa "Hashing (eddsa-rdfc-2022)"): SHA-256 of the
 * canonical proof configuration followed by SHA-256 of the canonical document without its proof. Shared by every
 * feature that proves a credential (badges, endorsements); verification keeps its own copy on purpose.
 */
public final class DataIntegrity {

	private DataIntegrity() {
	}

	/**
	 * The hashes of the last few proof configurations, by their exact JSON. A configuration names only the key and
	 * the time (the badge's {@code issuedOn}, to the second), so the credentials of a bulk award share it by the
	 * hundred; its canonicalization was a quarter of a credential's CPU. A function of the exact text, so a hit is
	 * the same bytes the canonicalization gives.
	 */
	private static final Map<String, byte[]> CONFIGURATIONS = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
		@Override
		protected boolean removeEldestEntry(Map.Entry<String, byte[]> eldest) {
			return size() > 32;
		}
	});

	/** CPU work (JSON-LD expansion and RDFC-1.0): call it off the event loop. */
	public static byte[] hashData(String proofConfigurationJson, String unsignedDocumentJson) {
		byte[] config = CONFIGURATIONS.get(proofConfigurationJson);
		if (config == null) {
			config = sha256(LinkedData.canonicalNQuads(proofConfigurationJson));
			CONFIGURATIONS.put(proofConfigurationJson, config);
		}
		byte[] document = sha256(LinkedData.canonicalNQuads(unsignedDocumentJson));
		byte[] both = new byte[config.length + document.length];
		System.arraycopy(config, 0, both, 0, config.length);
		System.arraycopy(document, 0, both, config.length, document.length);
		return both;
	}

	private static byte[] sha256(String text) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
