package org.cairn.verification;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import tools.jackson.databind.JsonNode;

/** Reading Open Badges JSON-LD leniently where the spec allows several shapes (one value or many, IRI or object). */
final class Nodes {

	private Nodes() {
	}

	static String text(JsonNode node, String field) {
		JsonNode value = node == null ? null : node.get(field);
		return value != null && value.isString() ? value.asString() : null;
	}

	/** A property that is one string or an array of strings (other entries ignored). */
	static List<String> texts(JsonNode node, String field) {
		JsonNode value = node == null ? null : node.get(field);
		List<String> out = new ArrayList<>();
		if (value == null) {
			return out;
		}
		if (value.isString()) {
			out.add(value.asString());
		}
		else if (value.isArray()) {
			for (JsonNode item : value) {
				if (item.isString()) {
					out.add(item.asString());
				}
			}
		}
		return out;
	}

	/** An IRI property: the string itself, or the {@code id} of an object. */
	static String iri(JsonNode value) {
		if (value == null) {
			return null;
		}
		if (value.isString()) {
			return value.asString();
		}
		return value.isObject() ? text(value, "id") : null;
	}

	/** The {@code type} values of a node: one string or an array. */
	static List<String> types(JsonNode node) {
		return texts(node, "type");
	}

	static boolean hasType(JsonNode node, String... names) {
		List<String> types = types(node);
		for (String name : names) {
			if (types.contains(name)) {
				return true;
			}
		}
		return false;
	}

	static boolean isHttp(String iri) {
		if (iri == null) {
			return false;
		}
		String lower = iri.toLowerCase(Locale.ROOT);
		return (lower.startsWith("https://") || lower.startsWith("http://")) && host(iri) != null;
	}

	/** Absolute IRI: a scheme and something after it (http(s), urn:uuid:, did:...). */
	static boolean isIri(String value) {
		if (value == null || value.isBlank() || value.chars().anyMatch(Character::isWhitespace)) {
			return false;
		}
		int colon = value.indexOf(':');
		return colon > 0 && colon < value.length() - 1 && value.substring(0, colon).matches("[A-Za-z][A-Za-z0-9+.-]*");
	}

	static String host(String iri) {
		try {
			String host = URI.create(iri).getHost();
			return host == null ? null : host.toLowerCase(Locale.ROOT);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	static URI uri(String iri) {
		try {
			return URI.create(iri);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/** An ISO 8601 date-time (spec "DateTime"); a bare date counts as its start in UTC. Null when unreadable. */
	static Instant dateTime(String value) {
		if (value == null) {
			return null;
		}
		try {
			return OffsetDateTime.parse(value).toInstant();
		}
		catch (DateTimeParseException ex) {
			try {
				return Instant.parse(value);
			}
			catch (DateTimeParseException ignored) {
				try {
					return LocalDate.parse(value).atStartOfDay().toInstant(ZoneOffset.UTC);
				}
				catch (DateTimeParseException alsoIgnored) {
					return null;
				}
			}
		}
	}

}
