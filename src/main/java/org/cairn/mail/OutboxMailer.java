package org.cairn.mail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

import org.cairn.system.CairnProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;


/**
 * With no SMTP server configured, each message becomes a {@code .eml} file in {@code <data-dir>/outbox}, so the
 * demo (and an operator trying Cairn) can open invitation and reset links. Chosen by {@link MailConfiguration}.
 */
class OutboxMailer implements Mailer {

	private static final Logger log = LoggerFactory.getLogger(OutboxMailer.class);

	private final Path outbox;

	private final Clock clock;

	OutboxMailer(CairnProperties properties, Clock clock) {
		this.outbox = properties.dataDir().resolve("outbox");
		this.clock = clock;
	}

	@Override
	public Mono<Void> send(OutgoingMail mail) {
		return Mono.fromRunnable(() -> write(mail)).subscribeOn(Schedulers.boundedElastic()).then();
	}

	private void write(OutgoingMail mail) {
		String stamp = DateTimeFormatter.ISO_INSTANT.format(clock.instant()).replace(':', '-');
		Path file = outbox.resolve(stamp + "-" + UUID.randomUUID().toString().substring(0, 8) + ".eml");
		String message = "To: " + mail.to() + "\r\nSubject: " + mail.subject()
				+ "\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n" + mail.text();
		try {
			Files.createDirectories(outbox);
			Files.writeString(file, message, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		log.info("Mail to {} written to {}", mail.to(), file.toAbsolutePath());
	}

	Path outbox() {
		return outbox;
	}

}
