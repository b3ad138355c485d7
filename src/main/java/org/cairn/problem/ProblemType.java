package org.cairn.problem;

import java.net.URI;

import org.springframework.http.HttpStatus;

/**
 * A stable kind of failure: its slug is API (clients switch on {@code urn:cairn:problem:<slug>}), its status the
 * HTTP answer. Each feature lists its own as an enum implementing this interface, so a feature's failures are
 * found in one place and documented in {@code docs/foundation.md} (a test keeps the two equal).
 */
public interface ProblemType {

	/** The prefix of every type URI; the slug follows it. */
	String URN_PREFIX = "urn:cairn:problem:";

	String slug();

	HttpStatus status();

	default URI uri() {
		return URI.create(URN_PREFIX + slug());
	}

}
