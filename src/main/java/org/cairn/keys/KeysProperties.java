package org.cairn.keys;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param masterKey base64 of 32 random bytes sealing every private key; when absent a key is generated once into
 * {@code <data-dir>/master.key} (fine for a laptop, not for production)
 */
@ConfigurationProperties("cairn.keys")
record KeysProperties(String masterKey) {
}
