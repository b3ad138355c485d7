package org.cairn.platform;

import java.time.Clock;
import java.time.Instant;

import org.cairn.account.PasswordPolicy;
import org.cairn.account.Person;
import org.cairn.account.PersonChanges;
import org.cairn.account.SecretTokens;
import org.cairn.system.CairnProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Makes sure an installation can be administered: creates the configured platform administrator, or, when none
 * exists and none is configured, logs a one-time set-up link. Each start without an administrator replaces the
 * link, so the most recently logged one is the one that works.
 */
@Component
class FirstStart implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(FirstStart.class);

	static final String LINK_PATH = "/setup/";

	private final ReactiveMongoTemplate mongo;

	private final PersonChanges people;

	private final PasswordEncoder passwords;

	private final BootstrapProperties properties;

	private final CairnProperties cairn;

	private final Clock clock;

	FirstStart(ReactiveMongoTemplate mongo, PersonChanges people, PasswordEncoder passwords, BootstrapProperties properties,
			CairnProperties cairn, Clock clock) {
		this.mongo = mongo;
		this.people = people;
		this.passwords = passwords;
		this.properties = properties;
		this.cairn = cairn;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		// Start-up only: blocking here is fine and keeps the order obvious.
		if (properties.adminConfigured()) {
			createConfiguredAdmin().block();
		}
		else if (!Boolean.TRUE.equals(platformAdminExists().block())) {
			String link = cairn.publicUrl(LINK_PATH + issueSetupToken().block());
			log.warn("""

					==================================================================
					 No platform administrator yet. Create one, once, here:
					   {}
					 (valid for {}; or set CAIRN_BOOTSTRAP_ADMIN_EMAIL and
					  CAIRN_BOOTSTRAP_ADMIN_PASSWORD and restart)
					==================================================================""", link,
					properties.setupLinkLifetime());
		}
	}

	/** Creates the configured administrator unless that email already has an account. */
	Mono<Person> createConfiguredAdmin() {
		String email = Person.normalizeEmail(properties.adminEmail());
		PasswordPolicy.check(properties.adminPassword(), email);
		// of instances starting at the same moment, one creates it and the others find it
		return people
			.createOnce(PersonChanges.NewAccount.platformAdmin(email, "Platform administrator"),
					Mono.fromCallable(() -> passwords.encode(properties.adminPassword())))
			.doOnNext(account -> {
				if (account.created()) {
					log.info("Created the platform administrator {}", account.person().email());
				}
			})
			.map(PersonChanges.Account::person);
	}

	Mono<Boolean> platformAdminExists() {
		return people.platformAdminExists();
	}

	/** Replaces the set-up token and returns its secret. */
	Mono<String> issueSetupToken() {
		String secret = SecretTokens.generate("setup_");
		Instant now = clock.instant();
		return mongo.save(new SetupToken(SetupToken.ID, SecretTokens.hash(secret), now,
				now.plus(properties.setupLinkLifetime()))).thenReturn(secret);
	}

}
