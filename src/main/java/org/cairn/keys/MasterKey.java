package org.cairn.keys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.cairn.system.CairnProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Seals private keys with AES-256-GCM. The sealed form is {@code base64(iv || ciphertext+tag)} and the key id is
 * bound as associated data, so a sealed key cannot be swapped onto another key record. The master key itself is
 * never logged.
 */
@Component
class MasterKey {

	private static final Logger log = LoggerFactory.getLogger(MasterKey.class);

	private static final SecureRandom RANDOM = new SecureRandom();

	private final SecretKeySpec key;

	MasterKey(KeysProperties properties, CairnProperties cairn) {
		this.key = new SecretKeySpec(load(properties, cairn.dataDir()), "AES");
	}

	private static byte[] load(KeysProperties properties, Path dataDir) {
		if (properties.masterKey() != null && !properties.masterKey().isBlank()) {
			return decode(properties.masterKey().trim(), "cairn.keys.master-key");
		}
		Path file = dataDir.resolve("master.key");
		try {
			if (!Files.exists(file)) {
				Files.createDirectories(dataDir);
				byte[] fresh = new byte[32];
				RANDOM.nextBytes(fresh);
				try {
					writeOwnerOnly(file, Base64.getEncoder().encodeToString(fresh));
					log.warn("""
							*** No cairn.keys.master-key is configured: generated one into {} (owner-only). ***
							*** Production MUST set cairn.keys.master-key (base64 of 32 random bytes) from a secret store; ***
							*** losing this key makes every stored signing key unusable. ***""", file.toAbsolutePath());
					return fresh;
				}
				catch (FileAlreadyExistsException raced) {
					// another instance on the same data directory won; use its key
				}
			}
			return decode(Files.readString(file, StandardCharsets.US_ASCII).trim(), file.toString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void writeOwnerOnly(Path file, String content) throws IOException {
		try {
			Files.createFile(file, PosixFilePermissions.asFileAttribute(Set.of(
					java.nio.file.attribute.PosixFilePermission.OWNER_READ,
					java.nio.file.attribute.PosixFilePermission.OWNER_WRITE)));
		}
		catch (UnsupportedOperationException notPosix) {
			Files.createFile(file);
		}
		Files.writeString(file, content, StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING);
	}

	private static byte[] decode(String base64, String source) {
		byte[] bytes;
		try {
			bytes = Base64.getDecoder().decode(base64);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException(source + " is not base64");
		}
		if (bytes.length != 32) {
			throw new IllegalStateException(source + " must be 32 bytes (AES-256), found " + bytes.length);
		}
		return bytes;
	}

	String seal(byte[] plain, String keyId) {
		try {
			byte[] iv = new byte[12];
			RANDOM.nextBytes(iv);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
			cipher.updateAAD(keyId.getBytes(StandardCharsets.UTF_8));
			byte[] sealed = cipher.doFinal(plain);
			return Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("sealing failed", ex);
		}
	}

	byte[] open(String sealed, String keyId) {
		try {
			byte[] all = Base64.getDecoder().decode(sealed);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, all, 0, 12));
			cipher.updateAAD(keyId.getBytes(StandardCharsets.UTF_8));
			return cipher.doFinal(all, 12, all.length - 12);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("The master key does not open signing key " + keyId
					+ " (was cairn.keys.master-key changed?)", ex);
		}
	}

}
