package org.cairn.credential;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import org.cairn.openbadges.LinkedData;

/**
 * vc-di-eddsa "Hashing (eddsa-rdfc-2022)", for every document Cairn signs (a badge's credential, a learner record):
 * SHA-256 of the canonical proof configuration followed by SHA-256 of the canonical document without its proof.
 * CPU work (call it off the event loop).
 */
final class DataIntegrity {

	private DataIntegrity() {
	}

	static byte[] hashData(String proofConfiguration, String unsecuredDocument) {
		byte[] config = sha256(LinkedData.canonicalNQuads(proofConfiguration));
		byte[] document = sha256(LinkedData.canonicalNQuads(unsecuredDocument));
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
