package org.cairn.endorsement;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

/** Reading the few JSON-LD properties a target's document is judged by. */
final class Nodes {

	private Nodes() {
	}

	static String text(JsonNode node, String field) {
		JsonNode value = node == null ? null : node.get(field);
		return value != null && value.isString() && !value.asString().isBlank() ? value.asString() : null;
	}

	static List<String> types(JsonNode node) {
		JsonNode type = node.get("type");
		List<String> types = new ArrayList<>();
		if (type == null) {
			return types;
		}
		for (JsonNode t : type.isArray() ? type.values() : List.of(type)) {
			if (t.isString()) {
				types.add(t.asString());
			}
		}
		return types;
	}

}
