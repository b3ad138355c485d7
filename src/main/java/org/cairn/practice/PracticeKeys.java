package org.cairn.practice;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The search keys of a piece, and of a search. A key is a scope and a facet: the scope says who may find it
 * ({@code d:<districtId>} its district, {@code cairn} other Cairn districts, {@code pub} the public page), the facet
 * what it is found by ({@code *} everything, {@code s:LF2011.DATA} a standard, {@code c:FFT.C6} a Danielson cluster,
 * {@code g:6-8} a grade band, {@code u:mathematics} a subject, {@code w:fraction} a word). Words are compared without
 * case or accents, and a plural's final "s" is dropped on both sides ("fractions" finds "fraction").
 */
final class PracticeKeys {

	static final String ALL = "*";

	static final String CAIRN = "cairn";

	static final String PUBLIC = "pub";

	/** Words a piece is found by, at most: its title, summary and names first, then its reflection's opening. */
	static final int MAX_WORDS = 64;

	/** How many words of a reflection count. */
	static final int TEXT_WORDS = 80;

	private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

	private static final Pattern MARKS = Pattern.compile("\\p{M}+");

	private static final Set<String> STOP = Set.of("a", "an", "and", "are", "as", "at", "be", "by", "for", "from",
			"in", "is", "it", "of", "on", "or", "that", "the", "this", "to", "was", "were", "with", "my", "our", "we",
			"i", "you", "they", "their", "its", "his", "her", "into", "than", "then", "so", "not", "but", "have",
			"has", "had", "will", "can", "all", "also");

	private PracticeKeys() {
	}

	static String district(String districtId) {
		return "d:" + districtId;
	}

	static String key(String scope, String facet) {
		return scope + " " + facet;
	}

	/** The scopes a piece is found in, given how far it is open (its own audience narrowed by its district's). */
	static List<String> scopes(PracticePiece piece, Audience open) {
		List<String> scopes = new ArrayList<>();
		scopes.add(district(piece.districtId()));
		if (open.compareTo(Audience.CAIRN) >= 0) {
			scopes.add(CAIRN);
		}
		if (open == Audience.PUBLIC) {
			scopes.add(PUBLIC);
		}
		return scopes;
	}

	/** Every facet of a piece, {@code *} first. */
	static List<String> facets(PracticePiece piece) {
		Set<String> facets = new LinkedHashSet<>();
		facets.add(ALL);
		piece.standards().forEach(s -> facets.add(standard(s.code())));
		piece.clusters().forEach(c -> facets.add(cluster(c.code())));
		if (piece.gradeBand() != null) {
			facets.add(grade(piece.gradeBand()));
		}
		if (piece.subject() != null) {
			facets.add(subject(piece.subject()));
		}
		Set<String> words = new LinkedHashSet<>();
		for (String field : new String[] { piece.title(), piece.microcredential(), piece.requirementTitle(),
				piece.tierTitle(), piece.summary(), piece.fileName(), piece.authorName() }) {
			words.addAll(words(field, Integer.MAX_VALUE));
		}
		words.addAll(words(piece.text(), TEXT_WORDS));
		words.stream().limit(MAX_WORDS).forEach(w -> facets.add("w:" + w));
		return List.copyOf(facets);
	}

	/** Every key of a piece: each scope with each facet. */
	static Set<String> keys(PracticePiece piece, Audience open) {
		Set<String> keys = new LinkedHashSet<>();
		List<String> facets = facets(piece);
		for (String scope : scopes(piece, open)) {
			facets.forEach(f -> keys.add(key(scope, f)));
		}
		return keys;
	}

	static String standard(String code) {
		return "s:" + code.trim().toUpperCase(Locale.ROOT);
	}

	/** A Danielson cluster by code ({@code FFT.C6}), short code ({@code C6}) or number ({@code 6}). */
	static String cluster(String code) {
		String c = code.trim().toUpperCase(Locale.ROOT);
		if (c.matches("\\d+")) {
			c = "FFT.C" + c;
		}
		else if (c.matches("C\\d+")) {
			c = "FFT." + c;
		}
		return "c:" + c;
	}

	static String grade(String band) {
		return "g:" + plain(band);
	}

	static String subject(String subject) {
		return "u:" + plain(subject);
	}

	/** The facets a search asks for; {@code *} alone when it asks for nothing in particular. */
	static List<String> query(String standard, String cluster, String grade, String subject, String q) {
		Set<String> facets = new LinkedHashSet<>();
		if (present(standard)) {
			facets.add(standard(standard));
		}
		if (present(cluster)) {
			facets.add(cluster(cluster));
		}
		if (present(grade)) {
			facets.add(grade(grade));
		}
		if (present(subject)) {
			facets.add(subject(subject));
		}
		words(q, MAX_WORDS).forEach(w -> facets.add("w:" + w));
		return facets.isEmpty() ? List.of(ALL) : List.copyOf(facets);
	}

	/** The words of a text, in order, once each: without case, accents, stop words or a plural's final "s". */
	static List<String> words(String text, int max) {
		if (text == null || text.isBlank()) {
			return List.of();
		}
		Set<String> words = new LinkedHashSet<>();
		int seen = 0;
		for (String raw : NOT_WORD.split(plain(text))) {
			if (raw.isEmpty()) {
				continue;
			}
			if (++seen > max) {
				break;
			}
			if (raw.length() < 2 || STOP.contains(raw)) {
				continue;
			}
			words.add(stem(raw.length() > 40 ? raw.substring(0, 40) : raw));
		}
		return List.copyOf(words);
	}

	private static String stem(String word) {
		return word.length() > 3 && word.endsWith("s") && !word.endsWith("ss") ? word.substring(0, word.length() - 1)
				: word;
	}

	private static String plain(String text) {
		return MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("")
			.toLowerCase(Locale.ROOT)
			.trim()
			.replaceAll("\\s+", " ");
	}

	private static boolean present(String s) {
		return s != null && !s.isBlank();
	}

}
