package org.cairn.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code cairn.demo.*}, set by the {@code demo} profile.
 *
 * @param password the password every demo account gets (the demo profile sets it from {@code CAIRN_DEMO_PASSWORD})
 */
@ConfigurationProperties("cairn.demo")
record DemoProperties(String password) {
}
