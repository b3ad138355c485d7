package org.cairn.mail;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code cairn.mail.*}: the sender every message carries, on SMTP and in the outbox alike.
 *
 * @param from an RFC 5322 address, with an optional display name ({@code Cairn <no-reply@district.org>})
 */
@ConfigurationProperties("cairn.mail")
record MailProperties(@DefaultValue("Cairn <no-reply@cairn.invalid>") String from) {
}
