package org.cairn.mail;

import java.time.Clock;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.cairn.system.CairnProperties;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.util.StringUtils;

/**
 * Exactly one {@link Mailer}: SMTP when {@code spring.mail.host} is set (Spring Boot then builds the
 * {@link JavaMailSender} from {@code spring.mail.*}), otherwise the outbox folder. Decided by the property alone,
 * inside the bean at run time rather than by a {@code @Conditional}: the Docker image runs the ahead-of-time
 * processed application, whose set of beans is fixed when the jar is built (docs/foundation.md, "Start-up"; the
 * build processes it with a placeholder host, so Boot's sender is among them and takes the real settings at start).
 */
@Configuration(proxyBeanMethods = false)
class MailConfiguration {

	static final String SMTP_HOST = "spring.mail.host";

	@Bean
	Mailer mailer(Environment environment, ObjectProvider<JavaMailSender> smtp, CairnProperties properties,
			Clock clock, MailProperties mail) {
		InternetAddress from = sender(mail.from());
		if (StringUtils.hasText(environment.getProperty(SMTP_HOST))) {
			return new SmtpMailer(smtp.getObject(), from);
		}
		return new OutboxMailer(properties, clock, from);
	}

	/** Parsed once at start, strictly, so a mistyped {@code cairn.mail.from} stops the start with a clear message. */
	private static InternetAddress sender(String from) {
		try {
			return new InternetAddress(from, true);
		}
		catch (AddressException ex) {
			throw new IllegalStateException("cairn.mail.from is not a valid address: " + from, ex);
		}
	}

}
