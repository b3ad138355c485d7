package org.cairn.mail;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.cairn.system.CairnProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;


/**
 * With no SMTP server configured, each message becomes a {@code .eml} file in {@code <data-dir>/outbox}, so the
 * demo (and an operator trying Cairn) can open invitation and reset links. Chosen by {@link MailConfiguration}. The
 * file is the same MIME message SMTP would carry ({@link MimeMail}), so any mail client opens it.
 */
class OutboxMailer implements Mailer {

	private static final Logger log = LoggerFactory.getLogger(OutboxMailer.class);

	private final Path outbox;

	private final Clock clock;

	private final InternetAddress from;

	/**
	 * One mail session for every message: creating one looks its providers up on the class path (jar resources and
	 * service loaders), which was the largest cost of a bulk award's mail in a JFR profile.
	 */
	private final Session session = Session.getInstance(new Properties());

	OutboxMailer(CairnProperties properties, Clock clock, InternetAddress from) {
		this.outbox = properties.dataDir().resolve("outbox");
		this.clock = clock;
		this.from = from;
	}

	@Override
	public Mono<Void> send(OutgoingMail mail) {
		return Mono.fromRunnable(() -> log.info("Mail to {} written to {}", mail.to(), write(mail).toAbsolutePath()))
			.subscribeOn(Schedulers.boundedElastic())
			.then();
	}

	/**
	 * Writes the messages in one task with one log line (a bulk award's chunk: a task and a log line per message
	 * were a fifth of writing its mail); a message that cannot be written is returned, the others still go out.
	 */
	@Override
	public Mono<List<OutgoingMail>> sendAll(List<OutgoingMail> mails) {
		return Mono.fromCallable(() -> {
			List<OutgoingMail> failed = new ArrayList<>();
			for (OutgoingMail mail : mails) {
				try {
					write(mail);
				}
				catch (RuntimeException ex) {
					log.warn("Could not write a mail to {} to the outbox: {}", mail.to(), ex.toString());
					failed.add(mail);
				}
			}
			log.info("{} mails written to {}", mails.size() - failed.size(), outbox.toAbsolutePath());
			return failed;
		}).subscribeOn(Schedulers.boundedElastic());
	}

	private Path write(OutgoingMail mail) {
		String stamp = DateTimeFormatter.ISO_INSTANT.format(clock.instant()).replace(':', '-');
		Path file = outbox.resolve(stamp + "-" + UUID.randomUUID().toString().substring(0, 8) + ".eml");
		try {
			MimeMessage message = new MimeMessage(session);
			MimeMail.fill(message, from, mail, Date.from(clock.instant()));
			message.saveChanges();
			Files.createDirectories(outbox);
			// buffered: the message is written a header line and a body line at a time, a system call each otherwise
			try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 16_384)) {
				// handed a line stream from the session's (cached) provider: given a plain stream, the message looks
				// the provider up again through the service loader, a scan of every jar per message that was the
				// largest cost of a bulk award's mail in a JFR profile
				OutputStream lines = (OutputStream) session.getStreamProvider().outputLineStream(out, false);
				message.writeTo(lines);
				lines.flush();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (MessagingException ex) {
			throw new IllegalStateException("Could not write mail to the outbox", ex);
		}
		return file;
	}

	Path outbox() {
		return outbox;
	}

}
