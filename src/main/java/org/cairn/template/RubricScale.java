package org.cairn.template;

import java.util.List;

/**
 * The levels every criterion of a template is scored on, lowest first.
 *
 * @param passingLevel the index of the lowest level that counts as passing by default
 */
public record RubricScale(String name, List<String> levels, int passingLevel) {

	public RubricScale {
		levels = levels == null ? List.of() : List.copyOf(levels);
	}

	/** Parkway's scoring guides. */
	public static RubricScale twoLevel() {
		return new RubricScale("Two-level", List.of("Not yet on track", "On track"), 1);
	}

}
