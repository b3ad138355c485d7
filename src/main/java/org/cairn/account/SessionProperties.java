package org.cairn.account;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code cairn.session.*}: browser sessions. Public because OpenID Connect sign-in sets its own short-lived cookie
 * and must mark it {@code Secure} exactly as the session cookie is.
 *
 * @param lifetime how long a browser session lasts
 * @param secureCookie mark cookies {@code Secure}; {@code false} only for plain-http access from other machines
 * (browsers treat {@code http://localhost} as secure, so it works with {@code true})
 */
@ConfigurationProperties("cairn.session")
public record SessionProperties(@DefaultValue("PT12H") Duration lifetime, @DefaultValue("true") boolean secureCookie) {
}
