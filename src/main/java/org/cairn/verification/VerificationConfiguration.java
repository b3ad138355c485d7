package org.cairn.verification;

import java.net.URI;
import java.time.Clock;
import java.util.List;

import org.cairn.openbadges.HostedDocuments;
import org.cairn.system.CairnProperties;
import org.cairn.outbound.AddressPolicy;
import org.cairn.outbound.FetchLimits;
import org.cairn.outbound.GuardedFetcher;
import org.cairn.outbound.NameResolution;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.event.EventListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the verifier: our documents from memory, everyone else's through the guarded fetcher. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(VerificationProperties.class)
class VerificationConfiguration {

	private final ObjectProvider<Verifier> verifier;

	VerificationConfiguration(ObjectProvider<Verifier> verifier) {
		this.verifier = verifier;
	}

	@Bean
	GuardedFetcher verificationFetcher(VerificationProperties properties, JsonMapper json, Clock clock) {
		return new GuardedFetcher(new AddressPolicy(properties.allowedNetworks(), properties.allowPrivate()),
				NameResolution.system(),
				new FetchLimits(properties.maxRedirects(), Math.toIntExact(properties.maxDocumentBytes().toBytes()),
						properties.connectTimeout(), properties.fetchTimeout(), properties.maxFetchesPerHost(),
						properties.cacheEntries(), properties.maxCacheAge()),
				json, clock);
	}

	@Bean
	Verifier verifier(GuardedFetcher fetcher, ObjectProvider<HostedDocuments> hosted, CairnProperties cairn,
			VerificationProperties properties, JsonMapper json, Clock clock) {
		// every feature that hosts public documents (the 2.0 ones, the 3.0 ones): the first that knows the URL
		List<HostedDocuments> all = hosted.orderedStream().toList();
		HostedDocuments any = new HostedDocuments() {

			@Override
			public Mono<JsonNode> find(URI url) {
				return Flux.fromIterable(all).concatMap(h -> h.find(url)).next();
			}

			@Override
			public JsonNode held(URI url) {
				for (HostedDocuments h : all) {
					JsonNode node = h.held(url);
					if (node != null) {
						return node;
					}
				}
				return null;
			}

		};
		return new Verifier(new LocalFirstDocuments(any, cairn.publicUrl(""), fetcher), json, clock,
				properties.deadline());
	}

	/** The 3.0 JSON schemas are compiled after readiness, on a worker thread (issue 14: off the start-up path). */
	@EventListener(ApplicationReadyEvent.class)
	void prepareSchemasWhenReady() {
		Schedulers.boundedElastic().schedule(() -> verifier.getObject().prepare());
	}

}
