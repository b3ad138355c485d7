package org.cairn.mail;

import reactor.core.publisher.Mono;

/** Sends mail without blocking the caller's thread. */
public interface Mailer {

	Mono<Void> send(OutgoingMail mail);

}
