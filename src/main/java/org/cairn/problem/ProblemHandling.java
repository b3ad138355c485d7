package org.cairn.problem;

import java.util.List;

import org.cairn.language.Language;
import org.cairn.system.RequestIds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.core.ResolvableType;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.codec.HttpMessageWriter;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.WebExceptionHandler;

/**
 * Turns every failure, from a controller, a filter or the router ("no such path"), into
 * {@code application/problem+json}. Runs before Spring Boot's own error handler so no stack trace or HTML error
 * page ever reaches a client.
 */
@Component
@Order(-2)
public class ProblemHandling implements WebExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemHandling.class);

	private final List<HttpMessageWriter<?>> writers;

	ProblemHandling(ServerCodecConfigurer codecs) {
		this.writers = codecs.getWriters();
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
		if (exchange.getResponse().isCommitted()) {
			return Mono.error(ex);
		}
		ProblemDetail problem = toProblem(ex, exchange);
		problem.setInstance(java.net.URI.create(exchange.getRequest().getPath().value()));
		ProblemHandling.addRequestId(problem, exchange);
		var response = exchange.getResponse();
		response.setStatusCode(HttpStatusCode.valueOf(problem.getStatus()));
		response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		return write(problem, exchange);
	}

	/** Lets a user's error report be matched to the access log line. */
	static void addRequestId(ProblemDetail problem, ServerWebExchange exchange) {
		String requestId = RequestIds.of(exchange);
		if (requestId != null) {
			problem.setProperty("requestId", requestId);
		}
	}

	/** The problem in the caller's language ({@code Accept-Language}; the web app sends the person's choice). */
	static ProblemDetail toProblem(Throwable ex, ServerWebExchange exchange) {
		Language language = Language.ofAcceptLanguage(exchange.getRequest());
		return toException(ex, exchange, language).toProblemDetail(language);
	}

	private static ProblemException toException(Throwable ex, ServerWebExchange exchange, Language language) {
		if (ex instanceof ProblemException problem) {
			return problem;
		}
		if (ex instanceof WebExchangeBindException bind) {
			return ProblemException.invalid(bind.getFieldErrors().stream()
				.map(error -> new ProblemException.FieldProblem(error.getField(),
						ValidationMessages.in(error, language)))
				.toList());
		}
		if (ex instanceof HandlerMethodValidationException validation) {
			List<ProblemException.FieldProblem> errors = validation.getParameterValidationResults()
				.stream()
				.flatMap(result -> result.getResolvableErrors()
					.stream()
					.map(error -> new ProblemException.FieldProblem(
							result.getMethodParameter().getParameterName(),
							ValidationMessages.in(error.getDefaultMessage(), violation(result, error), language))))
				.toList();
			return ProblemException.invalid(errors);
		}
		DataBufferLimitException tooLarge = cause(ex, DataBufferLimitException.class);
		if (tooLarge != null) {
			return ProblemException.of(CommonProblem.TOO_LARGE, "too-large");
		}
		if (ex instanceof ServerWebInputException input) {
			return ProblemException.of(CommonProblem.MALFORMED_REQUEST, "malformed", InputMessages.of(input));
		}
		if (ex instanceof ResponseStatusException status) {
			HttpStatus code = HttpStatus.resolve(status.getStatusCode().value());
			code = code == null ? HttpStatus.INTERNAL_SERVER_ERROR : code;
			CommonProblem type = switch (code) {
				case NOT_FOUND -> CommonProblem.NOT_FOUND;
				case METHOD_NOT_ALLOWED -> CommonProblem.METHOD_NOT_ALLOWED;
				case UNSUPPORTED_MEDIA_TYPE -> CommonProblem.UNSUPPORTED_MEDIA_TYPE;
				case NOT_ACCEPTABLE -> CommonProblem.NOT_ACCEPTABLE;
				case CONTENT_TOO_LARGE -> CommonProblem.TOO_LARGE;
				case UNAUTHORIZED -> CommonProblem.UNAUTHENTICATED;
				case FORBIDDEN -> CommonProblem.FORBIDDEN;
				default -> code.is5xxServerError() ? CommonProblem.INTERNAL : CommonProblem.BAD_REQUEST;
			};
			if (code.is5xxServerError()) {
				log.error("Request {} failed", exchange.getRequest().getPath(), ex);
			}
			return new ProblemException(type, code, code.getReasonPhrase(), InputMessages.of(code, exchange));
		}
		log.error("Request {} {} failed", exchange.getRequest().getMethod(), exchange.getRequest().getPath(), ex);
		return ProblemException.of(CommonProblem.INTERNAL, "internal");
	}

	private static jakarta.validation.ConstraintViolation<?> violation(
			org.springframework.validation.method.ParameterValidationResult result,
			org.springframework.context.MessageSourceResolvable error) {
		try {
			return result.unwrap(error, jakarta.validation.ConstraintViolation.class);
		}
		catch (IllegalArgumentException notAViolation) {
			return null;
		}
	}

	/** The first cause of the given type, or null. */
	static <T extends Throwable> T cause(Throwable ex, Class<T> type) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
			if (type.isInstance(cause)) {
				return type.cast(cause);
			}
		}
		return null;
	}

	@SuppressWarnings("unchecked")
	private Mono<Void> write(ProblemDetail problem, ServerWebExchange exchange) {
		ResolvableType type = ResolvableType.forClass(ProblemDetail.class);
		for (HttpMessageWriter<?> writer : writers) {
			if (writer.canWrite(type, MediaType.APPLICATION_PROBLEM_JSON)) {
				return ((HttpMessageWriter<ProblemDetail>) writer).write(Mono.just(problem), type,
						MediaType.APPLICATION_PROBLEM_JSON, exchange.getResponse(), java.util.Map.of());
			}
		}
		return Mono.error(new IllegalStateException("No JSON writer for problem details"));
	}

}
