package org.cairn.issuing;

import java.util.regex.Pattern;

/**
 * Keeps a district's stipend amounts off its public badge pages unless it opted in ({@code showStipend}): authors
 * write amounts into summaries and criteria ("Evidence of learning ($75)", "$75 per tier, $300 for all four") for
 * their teachers, not for the world.
 */
final class PublicMoney {

	private static final String AMOUNT = "\\$\\s?\\d[\\d,]*(?:\\.\\d{1,2})?";

	/** "(\$75)", "(\$75 more, \$150 in all)": the whole parenthesis goes. */
	private static final Pattern IN_PARENTHESES = Pattern.compile("\\s*\\([^()\\n]*" + AMOUNT + "[^()\\n]*\\)");

	/** What is left: the sentence or list item that states an amount goes. */
	private static final Pattern SENTENCE = Pattern
		.compile("[^.!?\\n]*" + AMOUNT + "[^.!?\\n]*(?:[.!?]+\\s?|(?=\\n)|$)");

	private PublicMoney() {
	}

	static String strip(String text) {
		if (text == null || text.indexOf('$') < 0) {
			return text;
		}
		String without = IN_PARENTHESES.matcher(text).replaceAll("");
		without = SENTENCE.matcher(without).replaceAll("");
		return without.replaceAll("[ \\t]+\\n", "\n").strip();
	}

}
