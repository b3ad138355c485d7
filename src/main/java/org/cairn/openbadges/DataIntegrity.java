package org.cairn.openbadges;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The data an {@code eddsa-rdfc-2022} proof signs (vc-di-eddsa "Hashing (eddsa-rdfc-2022)"): SHA-256 of the
 * canonical proof configuration followed by SHA-256 of the canonical document without its proof. Shared by every
 * feature that proves a credential (badges, endorsements); verification keeps its own copy on purpose.
 */
public final class DataIntegrity {

	private DataIntegrity() {
	}

	/** CPU work (JSON-LD expansion and RDFC-1.0): call it off the event loop. */
	public static byte[] hashData(String proofConfigurationJson, String unsignedDocumentJson) {
		byte[] config = sha256(LinkedData.canonicalNQuads(proofConfigurationJson));
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
