package org.cairn.mail;

import java.time.Clock;

import org.cairn.system.CairnProperties;

import org.springframework.beans.factory.annotation.Value;
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
	Mailer smtpMailer(JavaMailSender sender, @Value("${cairn.mail.from:Cairn <no-reply@cairn.invalid>}") String from) {
		return new SmtpMailer(sender, from);
	}

	@Bean
	@ConditionalOnExpression("'${spring.mail.host:}'.isBlank()")
	Mailer outboxMailer(CairnProperties properties, Clock clock) {
		return new OutboxMailer(properties, clock);
	}

}
