package org.cairn.mail;

import java.util.ArrayList;
import java.util.Date;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
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

	/** All messages over one connection (a bulk award's chunk), rather than a connection and a task per message. */
	@Override
	public Mono<List<OutgoingMail>> sendAll(List<OutgoingMail> mails) {
		return Mono.fromCallable(() -> deliverAll(mails)).subscribeOn(Schedulers.boundedElastic());
	}

	private List<OutgoingMail> deliverAll(List<OutgoingMail> mails) {
		Map<MimeMessage, OutgoingMail> messages = new IdentityHashMap<>();
		List<MimeMessage> ordered = new ArrayList<>();
		List<OutgoingMail> failed = new ArrayList<>();
		Date now = new Date();
		for (OutgoingMail mail : mails) {
			MimeMessage message = sender.createMimeMessage();
			try {
				MimeMail.fill(message, from, mail, now);
				messages.put(message, mail);
				ordered.add(message);
			}
			catch (MessagingException ex) {
				log.warn("Could not write a mail to {}: {}", mail.to(), ex.toString());
				failed.add(mail);
			}
		}
		if (ordered.isEmpty()) {
			return failed;
		}
		try {
			sender.send(ordered.toArray(MimeMessage[]::new));
		}
		catch (MailSendException ex) {
			log.warn("The SMTP server did not take {} of {} mails: {}", ex.getFailedMessages().size(), ordered.size(),
					ex.getMessage());
			if (ex.getFailedMessages().isEmpty()) {
				failed.addAll(messages.values());
			}
			ex.getFailedMessages().keySet().stream().map(messages::get).filter(java.util.Objects::nonNull)
				.forEach(failed::add);
		}
		catch (MailException ex) {
			log.warn("Could not send {} mails by SMTP: {}", ordered.size(), ex.toString());
			failed.addAll(messages.values());
		}
		log.info("{} mails sent by SMTP", mails.size() - failed.size());
		return failed;
	}

}
