package org.cairn.evidence;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One definition of a word, the same as the web app's {@code frontend/src/features/evidence/words.ts}, so the live
 * counter and the verdict at submission always agree; both are tested against the same table of cases
 * ({@code src/test/resources/org/cairn/evidence/word-count-cases.json}). The rule:
 * <ol>
 * <li>each Chinese or Japanese character is a word of its own (those scripts put no spaces between words);</li>
 * <li>the text splits at white space; a piece that is a URL (scheme:// or www.) or an email address is one
 * word;</li>
 * <li>otherwise a word is a run of letters, marks and digits, joined across an apostrophe, a hyphen or a period (and
 * across a comma between digits): "well-known", "don't", "3.5", "1,000", "U.S." are one word each. Dashes, slashes
 * and other punctuation separate; symbols and emoji are not words.</li>
 * </ol>
 * Change both implementations and the table together.
 */
final class WordCount {

	private static final Pattern IDEOGRAPH = Pattern.compile("([\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}])");

	private static final Pattern SPACE = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);

	private static final Pattern LINK = Pattern.compile(
			"^(?:[a-z][a-z0-9+.-]*://\\S+|www\\.\\S+|[^\\s@]+@[^\\s@]+\\.[^\\s@]+)$",
			Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CHARACTER_CLASS);

	private static final Pattern WORD = Pattern
		.compile("[\\p{L}\\p{M}\\p{N}]+(?:(?:['\\u2019\\u02BC\\-\\u2010\\u2011.]|(?<=\\p{N}),(?=\\p{N}))[\\p{L}\\p{M}\\p{N}]+)*");

	private WordCount() {
	}

	static int of(String text) {
		if (text == null || text.isBlank()) {
			return 0;
		}
		int count = 0;
		for (String piece : SPACE.split(IDEOGRAPH.matcher(text).replaceAll(" $1 "))) {
			if (piece.isEmpty()) {
				continue;
			}
			if (LINK.matcher(piece).matches()) {
				count++;
				continue;
			}
			Matcher m = WORD.matcher(piece);
			while (m.find()) {
				count++;
			}
		}
		return count;
	}

}
