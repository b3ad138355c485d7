package org.cairn.webhook;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeoutException;

import javax.net.ssl.SSLException;

import org.cairn.outbound.AddressPolicy;
import org.cairn.outbound.FetchFailure;
import org.cairn.outbound.GuardedHttp;
import org.cairn.outbound.NameResolution;
import reactor.core.publisher.Mono;

import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Posts one webhook through the guarded outbound client, judged by the webhooks' own address policy: public
 * addresses only unless {@code cairn.issuing.webhooks.allowed-networks} names more, checked on the literal before
 * sending and on every resolved address at connect time; no redirect is followed. Every way a post can go wrong
 * ends as one {@link WebhookFailure}.
 */
final class WebhookSender {

	/** What one attempt came to: the receiver's status when it answered, and the failure when it did not accept. */
	record Outcome(Integer status, WebhookFailure failure) {

		boolean delivered() {
			return failure == null;
		}

	}

	private final AddressPolicy policy;

	private final WebClient web;

	private final java.time.Duration timeout;

	WebhookSender(AddressPolicy policy, NameResolution names, WebhookProperties.WebhookLimits limits) {
		this.policy = policy;
		// the whole attempt, sending the body included; connect and answer are bounded inside it as well
		this.timeout = limits.timeout().plusSeconds(1);
		this.web = WebClient.builder()
			.clientConnector(new ReactorClientHttpConnector(GuardedHttp.client("webhooks", policy, names,
					limits.timeout(), limits.timeout(), Math.max(16, limits.concurrencyPerDistrict()
							* limits.districtsAtOnce()))))
			.build();
	}

	static WebhookSender of(WebhookProperties properties) {
		return new WebhookSender(new AddressPolicy(properties.webhooks().allowedNetworks(), false),
				NameResolution.system(), properties.webhooks());
	}

	/** The refused address when the URL's host is an IP literal the policy refuses; null otherwise. */
	InetAddress refusedLiteral(URI url) {
		return url.getHost() == null ? null : GuardedHttp.refusedLiteral(policy, url.getHost());
	}

	Mono<Outcome> post(URI url, Map<String, String> headers, String body) {
		if (refusedLiteral(url) != null) {
			return Mono.just(new Outcome(null, WebhookFailure.REFUSED_BY_ADDRESS_POLICY));
		}
		return web.post()
			.uri(url)
			.contentType(MediaType.APPLICATION_JSON)
			.headers(h -> headers.forEach(h::set))
			.bodyValue(body.getBytes(StandardCharsets.UTF_8))
			.exchangeToMono(response -> response.releaseBody().thenReturn(response.statusCode().value()))
			.timeout(timeout)
			.map(status -> status >= 200 && status < 300 ? new Outcome(status, null)
					: new Outcome(status, WebhookFailure.ofStatus(status)))
			.onErrorResume(ex -> Mono.just(new Outcome(null, category(ex))));
	}

	/** The category of a failure to get an answer; the exception itself is never kept. */
	static WebhookFailure category(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof FetchFailure failure) {
				return switch (failure.reason()) {
					case BLOCKED_ADDRESS, SCHEME -> WebhookFailure.REFUSED_BY_ADDRESS_POLICY;
					case UNKNOWN_HOST -> WebhookFailure.UNKNOWN_HOST;
					case TIMEOUT -> WebhookFailure.TIMED_OUT;
					default -> WebhookFailure.COULD_NOT_CONNECT;
				};
			}
			if (cause instanceof TimeoutException || cause instanceof io.netty.channel.ConnectTimeoutException
					|| cause instanceof io.netty.handler.timeout.ReadTimeoutException
					|| cause instanceof java.net.SocketTimeoutException) {
				return WebhookFailure.TIMED_OUT;
			}
			if (cause instanceof SSLException
					|| cause instanceof io.netty.handler.ssl.NotSslRecordException
					|| cause instanceof java.security.cert.CertificateException) {
				return WebhookFailure.TLS_FAILURE;
			}
			if (cause instanceof UnknownHostException) {
				return WebhookFailure.UNKNOWN_HOST;
			}
		}
		// refused, reset, closed before answering, no route: the receiver could not be reached
		return WebhookFailure.COULD_NOT_CONNECT;
	}

}
