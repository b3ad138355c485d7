package org.cairn.verification;

import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

import org.cairn.account.AnonymousRequests;
import org.cairn.language.Language;
import org.cairn.problem.ProblemException;
import org.cairn.system.AcceptHeader;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Answers a verification whose report is remembered ({@link Verdicts}) before the security chain and the dispatcher:
 * the same status, headers and bytes as {@link VerificationController} would send, after the same rate limit
 * ({@link VerificationGate#limited}). A shared badge verified again cost about 880 µs of CPU per request on the
 * ordinary way, most of it the chain (firewall, security context, CSRF matching, authorization, header writers) and
 * the dispatcher (route lookup, argument resolution, result handling) around a lookup of a few microseconds
 * (docs/verification.md, "A shared badge verified again").
 * <p>
 * Only a request whose answer would be the remembered bytes may take this way: a {@code POST} of exactly the path,
 * no query but {@code lang}, nobody's (no session cookie, no {@code Authorization}: a signed-in user's district marks
 * the issuers it trusts), headers the firewall accepts, a JSON body ({@code application/json} or
 * {@code application/ld+json}, at most UTF-8 as parameter) of a declared length within the JSON cap, and an
 * {@code Accept} the endpoint answers with {@code application/json}. The body is read with the endpoint's own
 * {@link JsonRequests}, so nothing the endpoint refuses is answered here; when that fails, or the report is not
 * remembered, or a document it read is not in memory now, the request goes on down the ordinary way with the bytes
 * already read, and gets exactly the answer it would have got.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2) // after the request id, the security headers and the If-None-Match guard
class RememberedAnswers implements WebFilter {

	private static final MediaType LD_JSON = MediaType.parseMediaType("application/ld+json");

	private final Verifier verifier;

	private final VerificationGate gate;

	private final JsonRequests requests;

	/** How many requests were answered here (for tests). */
	private final LongAdder answered = new LongAdder();

	RememberedAnswers(Verifier verifier, VerificationGate gate, JsonMapper json) {
		this.verifier = verifier;
		this.gate = gate;
		this.requests = new JsonRequests(json);
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		ServerHttpRequest request = exchange.getRequest();
		if (request.getMethod() != HttpMethod.POST
				|| !VerificationGate.PATH.equals(request.getPath().pathWithinApplication().value())) {
			return chain.filter(exchange);
		}
		Language language = answerable(request);
		if (language == null) {
			return chain.filter(exchange);
		}
		ServerHttpResponse response = exchange.getResponse();
		return VerificationController.bytes(request.getBody(), JsonRequests.MAX_JSON).onErrorResume(ex -> {
			chainHeaders(exchange); // a 413 answered from here, with the chain's headers as on the ordinary way
			return Mono.error(ex);
		}).flatMap(body -> {
			Verdicts.Remembered remembered = remembered(body);
			if (remembered == null) {
				return chain.filter(exchange.mutate().request(new Replayed(request, body)).build());
			}
			chainHeaders(exchange); // on the report and on a 429 alike
			byte[] json = remembered.json(language);
			return gate.limited(exchange, () -> {
				answered.increment();
				return write(response, json);
			});
		});
	}

	/** The headers the security chain adds to every answer, added the way it adds them: as the answer is committed. */
	private static void chainHeaders(ServerWebExchange exchange) {
		exchange.getResponse().beforeCommit(() -> AnonymousRequests.writeChainHeaders(exchange));
	}

	long answered() {
		return answered.sum();
	}

	/**
	 * The language of the answer when the request may be answered here (see the class comment), else null: the
	 * ordinary way decides everything about it.
	 */
	private static Language answerable(ServerHttpRequest request) {
		String query = request.getURI().getRawQuery();
		if (query != null && !(query.length() == 7 && query.startsWith(Language.PARAMETER + "=")
				&& Language.of(query.substring(5)) != null)) {
			return null; // ?district= marks trusted issuers; anything else is the endpoint's to read
		}
		HttpHeaders headers = request.getHeaders();
		long length = headers.getContentLength();
		if (length < 0 || length > JsonRequests.MAX_JSON || headers.containsHeader(HttpHeaders.TRANSFER_ENCODING)
				|| !AnonymousRequests.nobodysAndFirewallClean(request)) {
			return null;
		}
		try {
			if (!json(headers.getContentType()) || !AcceptHeader.plainJson(headers.getAccept())) {
				return null;
			}
		}
		catch (InvalidMediaTypeException ex) {
			return null; // the ordinary way answers a malformed header as it always did
		}
		return Language.of(request);
	}

	/** {@code application/json} or {@code application/ld+json}, with no parameter but a UTF-8 charset. */
	private static boolean json(MediaType type) {
		if (type == null || !(type.equalsTypeAndSubtype(MediaType.APPLICATION_JSON) || type.equalsTypeAndSubtype(LD_JSON))) {
			return false;
		}
		for (Map.Entry<String, String> parameter : type.getParameters().entrySet()) {
			if (!parameter.getKey().equalsIgnoreCase("charset") || !parameter.getValue().equalsIgnoreCase("UTF-8")) {
				return false;
			}
		}
		return true;
	}

	/** The remembered report of the request this body asks for, when it holds now; else null. */
	private Verdicts.Remembered remembered(byte[] body) {
		VerificationRequest request;
		try {
			request = requests.read(body);
		}
		catch (ProblemException refused) {
			return null; // the endpoint refuses it the same way, after the rate limit
		}
		return verifier.recallHeld(request);
	}

	/** What {@link VerificationController} sends for a remembered report no district's trust marks change. */
	private static Mono<Void> write(ServerHttpResponse response, byte[] json) {
		HttpHeaders headers = response.getHeaders();
		response.setStatusCode(HttpStatus.OK);
		headers.setContentType(MediaType.APPLICATION_JSON);
		headers.setCacheControl("no-store");
		headers.setContentLength(json.length);
		return response.writeWith(Mono.just(response.bufferFactory().wrap(json)));
	}

	/** The request with its body read here given again, byte for byte, to the ordinary way. */
	private static final class Replayed extends ServerHttpRequestDecorator {

		private final byte[] body;

		Replayed(ServerHttpRequest delegate, byte[] body) {
			super(delegate);
			this.body = body;
		}

		@Override
		public Flux<DataBuffer> getBody() {
			return body.length == 0 ? Flux.empty()
					: Flux.defer(() -> Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(body)));
		}

	}

}
