package org.cairn.problem;

import reactor.core.publisher.Mono;

import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Spring Security's firewall refuses addresses with an encoded slash, backslash or similar before any handler runs,
 * and by default answers a bare {@code 400}. This gives that refusal the same problem document as every other error
 * (Spring Security picks up the one handler bean).
 */
@Component
class RejectedRequests implements ServerExchangeRejectedHandler {

	private final ProblemHandling problems;

	RejectedRequests(ProblemHandling problems) {
		this.problems = problems;
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, ServerExchangeRejectedException ex) {
		return problems.handle(exchange, new ProblemException(CommonProblem.REJECTED_ADDRESS,
				"Address not accepted", "The address contains characters Cairn does not accept, such as an encoded "
						+ "slash or backslash."));
	}

}
