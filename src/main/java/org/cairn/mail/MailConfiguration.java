package org.cairn.mail;

import java.time.Clock;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.cairn.system.CairnProperties;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * Exactly one {@link Mailer}: SMTP when {@code spring.mail.host} is set (Spring Boot then builds the
 * {@link JavaMailSender}), otherwise the outbox folder. Decided by the property alone, so it never depends on the
 * order in which configurations are read.
 */
@Configuration(proxyBeanMethods = false)
class MailConfiguration {

	@Bean
	@ConditionalOnProperty("spring.mail.host")
	Mailer smtpMailer(JavaMailSender sender, MailProperties mail) {
		return new SmtpMailer(sender, sender(mail.from()));
	}

	@Bean
	@ConditionalOnExpression("'${spring.mail.host:}'.isBlank()")
	Mailer outboxMailer(CairnProperties properties, Clock clock, MailProperties mail) {
		return new OutboxMailer(properties, clock, sender(mail.from()));
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
