package org.cairn.notification;

import java.time.Clock;

import org.cairn.account.PersonRepository;
import org.cairn.district.Districts;
import org.cairn.language.Language;
import org.cairn.language.Message;
import org.cairn.mail.Mailer;
import org.cairn.mail.OutgoingMail;
import org.cairn.system.CairnProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.util.function.Tuples;

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

	private final Districts districts;

	Notifier(ReactiveMongoTemplate mongo, PersonRepository people, Mailer mailer, CairnProperties properties,
			Clock clock, Districts districts) {
		this.districts = districts;
		this.mongo = mongo;
		this.people = people;
		this.mailer = mailer;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Tells the person; the in-app notice keeps the messages, so it is read in the reader's language, and the mail
	 * is written in the person's language (else the district's default).
	 */
	public Mono<Void> notify(String districtId, String personId, NoticeKind kind, Message title, Message text,
			String link) {
		if (personId == null) {
			return Mono.empty();
		}
		Mono<NotificationPreferences> preferences = mongo.findById(personId, NotificationPreferences.class)
			.defaultIfEmpty(NotificationPreferences.defaults(personId));
		return people.findByIdAndDistrictId(personId, districtId)
			.zipWith(preferences)
			.flatMap(pair -> districts.languageFor(districtId, pair.getT1().language()).map(language -> Tuples.of(
					pair.getT1(), pair.getT2(), language)))
			.flatMap(found -> {
				var person = found.getT1();
				var prefs = found.getT2();
				Language language = found.getT3();
				Mono<?> inApp = prefs.wantsInApp(kind) ? mongo.insert(new Notice(null, districtId, personId, kind,
						title.in(Language.EN), text.in(Language.EN), link, clock.instant(), null, title, text))
						: Mono.empty();
				Mono<Void> email = prefs.wantsEmail(kind) && person.email() != null
						? mailer.send(new OutgoingMail(person.email(), title.in(language),
								text.in(language) + "\n\n" + properties.publicUrl(link == null ? "/" : link) + "\n"))
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
