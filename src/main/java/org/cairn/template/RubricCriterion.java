package org.cairn.template;

import java.util.List;

/**
 * One thing an assessor scores.
 *
 * @param descriptors what the evidence looks like at each level of the template's scale, same order as the levels
 */
public record RubricCriterion(String key, String name, List<String> descriptors) {

	public RubricCriterion {
		descriptors = descriptors == null ? List.of() : List.copyOf(descriptors);
	}

}
