package org.cairn.system;

import java.util.concurrent.atomic.AtomicInteger;

import ch.qos.logback.classic.Level;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import org.springframework.core.log.LogMessage;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spring and Spring Security build their debug and trace messages lazily ({@link LogMessage}) and rely on the
 * logging bridge to build them only when the level is on. Commons Logging's SLF4J adapter built every one of them
 * (several {@code String.format} per request in the security chain); the adapter Cairn configures does not.
 */
class QuietLoggingTests {

	@Test
	void aDebugMessageNobodyLogsIsNeverBuilt() {
		String name = "org.cairn.system.QuietLoggingTests.quiet";
		((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(name)).setLevel(Level.INFO);
		Log log = LogFactory.getLog(name);
		AtomicInteger built = new AtomicInteger();

		log.debug(LogMessage.of(() -> "built " + built.incrementAndGet()));
		log.trace(LogMessage.format("built %s", new Object() {
			@Override
			public String toString() {
				return "x" + built.incrementAndGet();
			}
		}));

		assertThat(built).as("messages built for a level that is off").hasValue(0);
	}

	@Test
	void aMessageAtALevelThatIsOnStillReachesTheLog() {
		String name = "org.cairn.system.QuietLoggingTests.loud";
		((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(name)).setLevel(Level.DEBUG);
		Log log = LogFactory.getLog(name);
		AtomicInteger built = new AtomicInteger();

		log.debug(LogMessage.of(() -> "built " + built.incrementAndGet()));

		assertThat(log.isDebugEnabled()).isTrue();
		assertThat(built).hasValue(1);
	}

}
