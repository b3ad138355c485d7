package org.cairn.credential;

import org.cairn.issuing.AssertionIssued;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Issues the 3.0 credential as soon as its assertion exists. Should this fail (or the instance stop), the first
 * request for the credential issues it instead: {@link Credentials#forAssertion} finds or issues.
 */
@Component
class CredentialIssuing {

	private static final Logger log = LoggerFactory.getLogger(CredentialIssuing.class);

	private final Credentials credentials;

	CredentialIssuing(Credentials credentials) {
		this.credentials = credentials;
	}

	@EventListener
	void on(AssertionIssued event) {
		credentials.forAssertion(event.assertionId())
			.subscribe(c -> { }, ex -> log.warn("Issuing the 3.0 credential of assertion {} failed; it is issued on"
					+ " first request instead: {}", event.assertionId(), ex.toString()));
	}

}
