package org.cairn.template;

import java.util.List;

/**
 * When a requirement passes: every named criterion (all of them when {@code criteria} is empty) scored at
 * {@code minimumLevel} or above.
 */
public record PassRule(int minimumLevel, List<String> criteria) {

	public PassRule {
		criteria = criteria == null ? List.of() : List.copyOf(criteria);
	}

}
