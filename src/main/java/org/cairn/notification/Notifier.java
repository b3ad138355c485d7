package org.cairn.notification;

import java.time.Clock;

import org.cairn.account.PersonRepository;
import org.cairn.mail.Mailer;
import org.cairn.mail.OutgoingMail;
import org.cairn.system.CairnProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Tells a person something happened, in the app and by email, as their preferences say. A failure to notify is
 * logged and never fails the action that caused it.
 */
@Component
public class Notifier {

	private static final Logger log = LoggerFactory.getLogger(Notifier.class);

	private final ReactiveMongoTemplate mongo;

	private final PersonRepository people;

	private final Mailer mailer;

	private final CairnProperties properties;

	private final Clock clock;

	Notifier(ReactiveMongoTemplate mongo, PersonRepository people, Mailer mailer, CairnProperties properties,
			Clock clock) {
		this.mongo = mongo;
		this.people = people;
		this.mailer = mailer;
		this.properties = properties;
		this.clock = clock;
	}

	public Mono<Void> notify(String districtId, String personId, NoticeKind kind, String title, String text,
			String link) {
		if (personId == null) {
			return Mono.empty();
		}
		Mono<NotificationPreferences> preferences = mongo.findById(personId, NotificationPreferences.class)
			.defaultIfEmpty(NotificationPreferences.defaults(personId));
		return people.findByIdAndDistrictId(personId, districtId)
			.zipWith(preferences)
			.flatMap(pair -> {
				var person = pair.getT1();
				var prefs = pair.getT2();
				Mono<?> inApp = prefs.wantsInApp(kind) ? mongo.insert(new Notice(null, districtId, personId, kind,
						title, text, link, clock.instant(), null)) : Mono.empty();
				Mono<Void> email = prefs.wantsEmail(kind) && person.email() != null
						? mailer.send(new OutgoingMail(person.email(), title,
								text + "\n\n" + properties.publicUrl(link == null ? "/" : link) + "\n"))
						: Mono.empty();
				return inApp.then(email);
			})
			.onErrorResume(ex -> {
				log.warn("Could not notify {} of {}: {}", personId, kind, ex.toString());
				return Mono.empty();
			})
			.then();
	}

}
