package org.cairn.issuing;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The words an administrator finds a badge's recipient by: every word of the name and of the email address before
 * the {@code @} (split at anything but letters and digits), lower-cased, without accents, and each word's beginnings
 * of {@value #SHORTEST} to {@value #LONGEST} characters, each after the district's id ({@code "<district> ann"}).
 * Stored on the assertion under one index, so a search ("ann lee", "a.lee@", "Zoë") reads the district's assertions
 * of its rarest word, not the district's assertions, on MongoDB and on the embedded store alike. The part of an address after the {@code @} is the same for most of a district, so it is
 * not stored: a search that names it matches it on the assertions its words found.
 */
final class RecipientWords {

	/** A one-letter search would match half a district: beginnings start at two characters. */
	static final int SHORTEST = 2;

	static final int LONGEST = 20;

	/** Changes when the rule does, so stored words can be found and made again. */
	static final int VERSION = 1;

	private RecipientWords() {
	}

	/** What is stored: every beginning of every word of the name and email, after the district's id. */
	static List<String> of(String districtId, String name, String email) {
		Set<String> keys = new LinkedHashSet<>();
		for (String word : words((name == null ? "" : name) + " " + localPart(email == null ? "" : email))) {
			for (int end = SHORTEST; end <= Math.min(word.length(), LONGEST); end++) {
				keys.add(key(districtId, word.substring(0, end)));
			}
		}
		return List.copyOf(keys);
	}

	/** One stored word of a district, as a search looks for it. */
	static String key(String districtId, String word) {
		return districtId + " " + word;
	}

	/**
	 * What a search looks for: the words of its name parts and of its addresses before the {@code @}, each cut to
	 * the longest stored beginning, longest first (the likeliest to be rare); empty when it has no word of two
	 * characters or more.
	 */
	static List<String> query(String q) {
		List<String> words = new ArrayList<>();
		for (String part : q.strip().split("\\s+")) {
			for (String word : words(localPart(part))) {
				if (word.length() >= SHORTEST) {
					String key = word.length() > LONGEST ? word.substring(0, LONGEST) : word;
					if (!words.contains(key)) {
						words.add(key);
					}
				}
			}
		}
		words.sort((a, b) -> b.length() - a.length());
		return words;
	}

	/** What a search says after an {@code @} ("lee@school.org" gives "school.org"), or null. */
	static String domain(String q) {
		int at = q.indexOf('@');
		String rest = at < 0 ? "" : q.substring(at + 1).strip().split("\\s+")[0];
		return rest.isEmpty() ? null : rest;
	}

	private static String localPart(String text) {
		int at = text.indexOf('@');
		return at < 0 ? text : text.substring(0, at);
	}

	private static List<String> words(String text) {
		String plain = Normalizer.normalize(text, Normalizer.Form.NFD)
			.replaceAll("\\p{M}+", "")
			.toLowerCase(Locale.ROOT);
		return Arrays.stream(plain.split("[^\\p{L}\\p{N}]+")).filter(w -> !w.isEmpty()).toList();
	}

}
