package org.cairn.mail;

import java.util.List;

import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Sends mail without blocking the caller's thread. */
public interface Mailer {

	Mono<Void> send(OutgoingMail mail);

	/**
	 * Sends several messages, each on its own (one that fails does not stop the others), and returns those that
	 * could not be sent, so the caller can let a later retry send them. A transport that sends a batch more cheaply
	 * than message by message (one SMTP connection, one task writing the outbox) overrides it.
	 */
	default Mono<List<OutgoingMail>> sendAll(List<OutgoingMail> mails) {
		return Flux.fromIterable(mails)
			.flatMap(mail -> send(mail).then(Mono.<OutgoingMail>empty()).onErrorResume(ex -> {
				LoggerFactory.getLogger(Mailer.class).warn("Could not send a mail to {}: {}", mail.to(), ex.toString());
				return Mono.just(mail);
			}), 8)
			.collectList();
	}

}
