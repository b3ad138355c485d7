package org.cairn.system;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code cairn.embedded-mongo-*}: the credential and the sharing of the in-process store (flat names beside
 * {@code cairn.embedded-mongo}, the switch in {@link CairnProperties}).
 *
 * @param embeddedMongoUsername the user every connection authenticates as
 * @param embeddedMongoPassword empty: a random password per start that only this process knows
 * @param embeddedMongoShared other instances may join this store (needs a configured password)
 * @param embeddedMongoBindAddress where the store listens; off loopback only when shared
 * @param embeddedMongoPort {@code 0}: a free port; a fixed one only when shared
 */
@ConfigurationProperties("cairn")
record EmbeddedMongoProperties(@DefaultValue("cairn") String embeddedMongoUsername,
		@DefaultValue("") String embeddedMongoPassword, @DefaultValue("false") boolean embeddedMongoShared,
		@DefaultValue("127.0.0.1") String embeddedMongoBindAddress, @DefaultValue("0") int embeddedMongoPort) {
}
