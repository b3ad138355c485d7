package org.cairn.verification;

import java.time.Clock;
import java.util.List;

import org.cairn.outbound.AddressPolicy;
import org.cairn.outbound.FetchLimits;
import org.cairn.outbound.GuardedFetcher;
import org.cairn.outbound.NameResolution;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Shared bits of the probes' plain unit tests: JSON, a run's outcomes, the real fetcher allowed onto loopback. */
final class Probes {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private Probes() {
	}

	static JsonNode json(String text) {
		return JSON.readTree(text);
	}

	static Check check(Run run, CheckId id) {
		return run.checks().stream().filter(c -> c.id() == id).findFirst().orElseThrow();
	}

	static Outcome outcome(Run run, CheckId id) {
		return check(run, id).outcome();
	}

	/** The production fetcher, allowed onto loopback only for the test's fixture server. */
	static Retrieval loopback() {
		return new Retrieval(new GuardedFetcher(new AddressPolicy(List.of("127.0.0.0/8"), false),
				NameResolution.system(), FetchLimits.defaults(), JSON, Clock.systemUTC()));
	}

}
