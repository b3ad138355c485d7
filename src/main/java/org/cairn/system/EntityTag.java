package org.cairn.system;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * A strong entity tag (RFC 9110 §8.8.3) for a public representation, and the {@code If-None-Match} test that turns a
 * revalidation into {@code 304}. Tags are made of hex digits and {@code -}, so they are always well-formed; a
 * representation of the same resource in another format gets a {@link #variant(String) variant} of its own.
 * A malformed {@code If-None-Match} (an old cache's garbage, a hand-written header) is ignored rather than refused:
 * the request is answered as if it were unconditional, never with an error.
 */
public record EntityTag(String opaque) {

	/** Compiled once: {@code String.matches} compiles its pattern on every call, i.e. on every tagged answer. */
	private static final Pattern OPAQUE = Pattern.compile("[A-Za-z0-9._-]+");

	public EntityTag {
		if (!OPAQUE.matcher(opaque).matches()) {
			throw new IllegalArgumentException("entity tag must be hex, letters, digits, '.', '_' or '-'");
		}
	}

	/** The tag of exactly these bytes: the first 128 bits of their SHA-256. */
	public static EntityTag of(byte[] bytes) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
			return new EntityTag(HexFormat.of().formatHex(digest, 0, 16));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The tag of a text (e.g. everything a rendering depends on). */
	public static EntityTag of(String text) {
		return of(text.getBytes(StandardCharsets.UTF_8));
	}

	/** The tag of another representation (HTML, plain JSON) of what this tag names. */
	public EntityTag variant(String suffix) {
		return new EntityTag(opaque + "-" + suffix);
	}

	/** The header value, quoted: {@code "3f2a…"}. */
	public String header() {
		return "\"" + opaque + "\"";
	}

	/**
	 * True when the request's {@code If-None-Match} names this tag (weak comparison, as RFC 9110 §13.1.2 asks) or
	 * is {@code *}. False when there is no such header or it is malformed.
	 */
	public boolean matchedBy(HttpHeaders request) {
		List<String> values = request.get(HttpHeaders.IF_NONE_MATCH);
		if (values == null || values.isEmpty() || !wellFormedIfNoneMatch(values)) {
			return false;
		}
		for (String line : values) {
			for (String member : members(line)) {
				if (member.equals("*")) {
					return true;
				}
				String tag = member.startsWith("W/") ? member.substring(2) : member;
				if (tag.substring(1, tag.length() - 1).equals(opaque)) {
					return true;
				}
			}
		}
		return false;
	}

	/** True when every line is {@code *} or a list of entity tags ({@code [W/]"…"}), as RFC 9110 §13.1.2 allows. */
	public static boolean wellFormedIfNoneMatch(List<String> lines) {
		for (String line : lines) {
			List<String> members = members(line);
			if (members == null || members.isEmpty()) {
				return false;
			}
			for (String member : members) {
				if (!member.equals("*") && !wellFormed(member.startsWith("W/") ? member.substring(2) : member)) {
					return false;
				}
			}
		}
		return true;
	}

	/** The comma-separated members of one header line (commas inside quotes do not split); null if unbalanced. */
	private static List<String> members(String line) {
		List<String> members = new ArrayList<>();
		StringBuilder current = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < line.length(); i++) {
			char c = line.charAt(i);
			if (c == '"') {
				quoted = !quoted;
			}
			if (c == ',' && !quoted) {
				add(members, current);
				current.setLength(0);
			}
			else {
				current.append(c);
			}
		}
		if (quoted) {
			return null;
		}
		add(members, current);
		return members;
	}

	private static void add(List<String> members, StringBuilder member) {
		String value = member.toString().strip();
		if (!value.isEmpty()) {
			members.add(value);
		}
	}

	/** A {@code 304 Not Modified} carrying this tag and the caching rules the full answer would carry. */
	public <T> ResponseEntity<T> notModified(CacheControl cache) {
		return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(header()).cacheControl(cache).build();
	}

	/** {@code DQUOTE *etagc DQUOTE}, etagc = %x21 / %x23-7E / obs-text. */
	private static boolean wellFormed(String tag) {
		if (tag.length() < 2 || tag.charAt(0) != '"' || tag.charAt(tag.length() - 1) != '"') {
			return false;
		}
		for (int i = 1; i < tag.length() - 1; i++) {
			char c = tag.charAt(i);
			if (c == '"' || c < 0x21 || c == 0x7F) {
				return false;
			}
		}
		return true;
	}

}
