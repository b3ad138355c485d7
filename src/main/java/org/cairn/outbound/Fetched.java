package org.cairn.outbound;

import java.net.URI;

import tools.jackson.databind.JsonNode;

/**
 * A retrieved Open Badges document: where it was asked for, where it was finally served (after redirects), the
 * status (200, or 410 for a revoked hosted assertion, whose body may be null) and the parsed JSON.
 */
public record Fetched(URI requested, URI served, int status, JsonNode body, boolean local) {

	public boolean gone() {
		return status == 410;
	}

}
