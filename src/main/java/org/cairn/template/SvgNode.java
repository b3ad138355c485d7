package org.cairn.template;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One element of an SVG being sanitized: its name, kept attributes, and children (elements or text). */
final class SvgNode {

	final String name;

	final Map<String, String> attributes = new LinkedHashMap<>();

	final List<Object> children = new ArrayList<>();

	SvgNode(String name) {
		this.name = name;
	}

}
