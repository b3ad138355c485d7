package org.cairn.keys;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;

/** The public side of a district signing key, as other features see it. */
public record SigningKey(String id, String districtId, int generation, String publicKeyPem, Instant createdAt,
		Instant revokedAt, String revocationReason) {

	public boolean revoked() {
		return revokedAt != null;
	}

	/**
	 * The public key itself, read with the JDK alone: nimbus's PEM reader needs BouncyCastle, which the packaged
	 * service does not carry (only the tests had it), so a key set built through it failed in production.
	 */
	public RSAPublicKey rsaPublicKey() {
		String base64 = publicKeyPem.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
		try {
			return (RSAPublicKey) KeyFactory.getInstance("RSA")
				.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("stored signing key " + id + " is not an RSA public key", ex);
		}
	}

}
