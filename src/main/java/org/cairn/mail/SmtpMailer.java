package org.cairn.mail;

import java.util.Date;

import jakarta.mail.internet.InternetAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.mail.javamail.JavaMailSender;

/** Sends through the district's SMTP server. JavaMail blocks, so each send runs on the bounded elastic pool. */
class SmtpMailer implements Mailer {

	private static final Logger log = LoggerFactory.getLogger(SmtpMailer.class);

	private final JavaMailSender sender;

	private final InternetAddress from;

	SmtpMailer(JavaMailSender sender, InternetAddress from) {
		this.sender = sender;
		this.from = from;
	}

	@Override
	public Mono<Void> send(OutgoingMail mail) {
		return Mono.fromRunnable(() -> deliver(mail)).subscribeOn(Schedulers.boundedElastic()).then();
	}

	private void deliver(OutgoingMail mail) {
		sender.send(message -> MimeMail.fill(message, from, mail, new Date()));
		log.info("Mail '{}' sent by SMTP", mail.subject());
	}

}
