package org.cairn.evidence;

import java.text.BreakIterator;
import java.util.Locale;

/**
 * Counts words the way a reader would: runs of letters or digits (with inner apostrophes and hyphens), using the
 * Unicode word-break rules, so punctuation and stray symbols never count and every script works.
 */
final class WordCount {

	private WordCount() {
	}

	static int of(String text) {
		if (text == null || text.isBlank()) {
			return 0;
		}
		BreakIterator words = BreakIterator.getWordInstance(Locale.ROOT);
		words.setText(text);
		int count = 0;
		int start = words.first();
		for (int end = words.next(); end != BreakIterator.DONE; start = end, end = words.next()) {
			if (containsLetterOrDigit(text, start, end)) {
				count++;
			}
		}
		return count;
	}

	private static boolean containsLetterOrDigit(String text, int start, int end) {
		for (int i = start; i < end; i++) {
			if (Character.isLetterOrDigit(text.charAt(i))) {
				return true;
			}
		}
		return false;
	}

}
