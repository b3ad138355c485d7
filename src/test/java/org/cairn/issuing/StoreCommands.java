package org.cairn.issuing;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;

import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The store's commands as the driver sends them (a command listener), by the collection each names: what a request
 * read or wrote. Test classes importing it (with the same other imports) share one application context.
 */
@TestConfiguration(proxyBeanMethods = false)
public class StoreCommands {

	/**
	 * Collections a public read could touch; what background workers (bulk, webhooks, sweep, generation poll) read
	 * is left out, since they run at any moment.
	 */
	public static final Set<String> REQUEST_COLLECTIONS = Set.of("sessions", "people", "access_tokens",
			"issuing_assertions", "issuing_issuers", "issuing_badge_classes", "districts", "templates",
			"signing_keys", "issuing_portfolios", "credentials_ob3");

	final List<String> seen = new CopyOnWriteArrayList<>();

	/** What was sent to the collections a request could touch since the last {@link #clear()}. */
	public List<String> onRequestCollections() {
		return seen.stream().filter(REQUEST_COLLECTIONS::contains).toList();
	}

	public void clear() {
		seen.clear();
	}

	@Bean
	MongoClientSettingsBuilderCustomizer storeCommandListener() {
		return settings -> settings.addCommandListener(new CommandListener() {
			@Override
			public void commandStarted(CommandStartedEvent event) {
				var command = event.getCommand();
				String first = command.getFirstKey();
				var value = command.get(first);
				seen.add(value != null && value.isString() ? value.asString().getValue() : first);
			}
		});
	}

}
