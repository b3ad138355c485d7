package org.cairn.problem;

import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ServerWebExchange;

/** Controller failures take the same path as filter and routing failures, so there is one mapping to keep. */
@RestControllerAdvice
class ProblemAdvice {

	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> handle(Exception ex, ServerWebExchange exchange) {
		ProblemDetail problem = ProblemHandling.toProblem(ex, exchange);
		problem.setInstance(java.net.URI.create(exchange.getRequest().getPath().value()));
		ProblemHandling.addRequestId(problem, exchange);
		return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

}
