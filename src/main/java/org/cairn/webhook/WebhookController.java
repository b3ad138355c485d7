package org.cairn.webhook;

import java.time.Instant;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.cairn.account.CairnUser;
import org.cairn.account.Role;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A district admin's webhooks: register, list, remove, and each one's delivery log. */
@RestController
class WebhookController {

	private final Webhooks webhooks;

	WebhookController(Webhooks webhooks) {
		this.webhooks = webhooks;
	}

	@PostMapping("/api/v1/webhooks")
	@ResponseStatus(HttpStatus.CREATED)
	Mono<WebhookCreated> registerWebhook(@AuthenticationPrincipal CairnUser user,
			@Valid @RequestBody WebhookRequest body) {
		user.require(Role.DISTRICT_ADMIN);
		return webhooks.register(user.districtId(), body.url())
			.map(w -> new WebhookCreated(w.id(), w.url(), w.secret(), w.createdAt()));
	}

	@GetMapping("/api/v1/webhooks")
	Flux<WebhookView> webhooks(@AuthenticationPrincipal CairnUser user) {
		user.require(Role.DISTRICT_ADMIN);
		return webhooks.list(user.districtId()).map(w -> new WebhookView(w.id(), w.url(), w.createdAt()));
	}

	@DeleteMapping("/api/v1/webhooks/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	Mono<Void> removeWebhook(@AuthenticationPrincipal CairnUser user, @PathVariable String id) {
		user.require(Role.DISTRICT_ADMIN);
		// deleting twice is fine: the end state is the same
		return webhooks.remove(user.districtId(), id).then();
	}

	@GetMapping("/api/v1/webhooks/{id}/deliveries")
	Flux<DeliveryView> deliveries(@AuthenticationPrincipal CairnUser user, @PathVariable String id) {
		user.require(Role.DISTRICT_ADMIN);
		return webhooks.deliveries(user.districtId(), id).map(DeliveryView::of);
	}

	record WebhookRequest(@NotBlank @Size(max = 2000) String url) {
	}

	record WebhookCreated(String id, String url, String secret, Instant createdAt) {
	}

	/** A delivery as the district's admin sees it: what was sent, and how it went in plain words. */
	record DeliveryView(String id, String eventType, WebhookDelivery.Status status, int attempts, Integer lastStatus,
			String lastError, Instant nextAttemptAt, Instant deliveredAt, Instant createdAt, String body) {

		static DeliveryView of(WebhookDelivery d) {
			return new DeliveryView(d.id(), d.eventType(), d.status(), d.attempts(), d.lastStatus(),
					WebhookFailure.shown(d.lastError()),
					d.status() == WebhookDelivery.Status.PENDING ? d.nextAttemptAt() : null, d.deliveredAt(),
					d.createdAt(), d.body());
		}

	}

	record WebhookView(String id, String url, Instant createdAt) {
	}

}
