package org.cairn.notification;

import java.time.Clock;

import jakarta.validation.Valid;
import org.cairn.account.CairnUser;
import org.cairn.language.Language;
import org.cairn.paging.ListPage;
import org.cairn.problem.ProblemException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/** The signed-in person's own notices and preferences. */
@RestController
@RequestMapping("/api/v1/notifications")
class NotificationController {

	private final ReactiveMongoTemplate mongo;

	private final Clock clock;

	NotificationController(ReactiveMongoTemplate mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
	}

	/** The reader's language: their choice, else their browser's. */
	private static Language language(CairnUser user, ServerWebExchange exchange) {
		Language chosen = Language.of(user.language());
		return chosen != null ? chosen : Language.ofAcceptLanguage(exchange.getRequest());
	}

	@GetMapping
	Flux<Notice> list(@AuthenticationPrincipal CairnUser user,
			@RequestParam(defaultValue = "false") boolean unread, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "200") int size, ServerWebExchange exchange) {
		Language language = language(user, exchange);
		Criteria mine = Criteria.where("personId").is(user.personId());
		if (unread) {
			mine = mine.and("readAt").is(null);
		}
		return mongo.find(ListPage.of(page, Math.min(size, 200))
			.apply(Query.query(mine).with(Sort.by(Sort.Direction.DESC, "createdAt").and(Sort.by("_id")))), Notice.class)
			.map(notice -> notice.in(language));
	}

	/** Idempotent: marking a read notice read again keeps the first time. */
	@PostMapping("/{id}/read")
	Mono<Notice> read(@AuthenticationPrincipal CairnUser user, @PathVariable String id, ServerWebExchange exchange) {
		Query mine = Query.query(Criteria.where("_id").is(id).and("personId").is(user.personId()));
		return mongo
			.findAndModify(Query.query(Criteria.where("_id").is(id).and("personId").is(user.personId()).and("readAt")
				.is(null)), new Update().set("readAt", clock.instant()), FindAndModifyOptions.options().returnNew(true),
					Notice.class)
			.switchIfEmpty(mongo.findOne(mine, Notice.class))
			.switchIfEmpty(Mono.error(() -> ProblemException.notFound("Notice " + id)))
			.map(notice -> notice.in(language(user, exchange)));
	}

	@GetMapping("/preferences")
	Mono<NotificationPreferences> preferences(@AuthenticationPrincipal CairnUser user) {
		return mongo.findById(user.personId(), NotificationPreferences.class)
			.defaultIfEmpty(NotificationPreferences.defaults(user.personId()));
	}

	@PutMapping("/preferences")
	Mono<NotificationPreferences> update(@AuthenticationPrincipal CairnUser user,
			@Valid @RequestBody NotificationPreferences.Body body) {
		return mongo.save(new NotificationPreferences(user.personId(), body.email(), body.inApp()));
	}

}
