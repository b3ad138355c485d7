package org.cairn.template;

import java.util.List;

/** Catalogue facets. Grade bands are free text such as {@code K-2}, {@code 6-8}, {@code 9-12}. */
public record Tags(List<String> subjects, List<String> gradeBands, List<String> topics) {

	public Tags {
		subjects = subjects == null ? List.of() : List.copyOf(subjects);
		gradeBands = gradeBands == null ? List.of() : List.copyOf(gradeBands);
		topics = topics == null ? List.of() : List.copyOf(topics);
	}

}
