package org.cairn.template;

import java.io.ByteArrayInputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads untrusted SVG into a {@link SvgNode} tree keeping only allow-listed elements and attributes: streaming (no
 * recursion while reading), any DOCTYPE refused (so no entities, internal or external), stopping at the element and
 * depth limits. What is dangerous is named in {@code refused}; editor leftovers are dropped silently.
 */
final class SvgReader {

	private static final String XML_NS = "http://www.w3.org/XML/1998/namespace";

	private static final String XHTML_NS = "http://www.w3.org/1999/xhtml";

	private static final Set<String> ELEMENTS = Set.of("svg", "g", "defs", "symbol", "use", "title", "desc", "path",
			"rect", "circle", "ellipse", "line", "polyline", "polygon", "text", "tspan", "textPath", "linearGradient",
			"radialGradient", "stop", "pattern", "clipPath", "mask", "marker", "image", "style", "switch", "filter",
			"feBlend", "feColorMatrix", "feComponentTransfer", "feFuncR", "feFuncG", "feFuncB", "feFuncA",
			"feComposite", "feDropShadow", "feFlood", "feGaussianBlur", "feMerge", "feMergeNode", "feMorphology",
			"feOffset", "feTurbulence");

	/** Elements holding text that is kept. */
	private static final Set<String> TEXT_ELEMENTS = Set.of("text", "tspan", "textPath", "title", "desc", "style");

	/** Refused elements, by lower-case name, with what an author is told. */
	private static final Map<String, String> REFUSED_ELEMENTS = refusedElements();

	private static final Set<String> ATTRIBUTES = Set.of("id", "class", "style", "transform", "x", "y", "x1", "y1",
			"x2", "y2", "cx", "cy", "r", "rx", "ry", "fx", "fy", "fr", "width", "height", "d", "points", "pathLength",
			"viewBox", "preserveAspectRatio", "version", "role", "aria-label", "aria-hidden", "aria-labelledby",
			"aria-describedby", "lang", "fill", "fill-opacity", "fill-rule", "stroke", "stroke-width",
			"stroke-opacity", "stroke-linecap", "stroke-linejoin", "stroke-miterlimit", "stroke-dasharray",
			"stroke-dashoffset", "opacity", "color", "display", "visibility", "overflow", "clip-path", "clip-rule",
			"mask", "filter", "paint-order", "vector-effect", "shape-rendering", "color-interpolation",
			"color-interpolation-filters", "mix-blend-mode", "isolation", "font-family", "font-size", "font-weight",
			"font-style", "font-variant", "font-stretch", "text-anchor", "dominant-baseline", "alignment-baseline",
			"baseline-shift", "letter-spacing", "word-spacing", "text-decoration", "writing-mode", "dx", "dy",
			"rotate", "textLength", "lengthAdjust", "startOffset", "side", "offset", "stop-color", "stop-opacity",
			"gradientUnits", "gradientTransform", "spreadMethod", "patternUnits", "patternContentUnits",
			"patternTransform", "clipPathUnits", "maskUnits", "maskContentUnits", "filterUnits", "primitiveUnits",
			"markerWidth", "markerHeight", "markerUnits", "refX", "refY", "orient", "marker-start", "marker-mid",
			"marker-end", "in", "in2", "result", "mode", "operator", "k1", "k2", "k3", "k4", "type", "values",
			"tableValues", "slope", "intercept", "amplitude", "exponent", "stdDeviation", "edgeMode", "flood-color",
			"flood-opacity", "lighting-color", "radius", "baseFrequency", "numOctaves", "seed", "stitchTiles",
			"requiredFeatures", "systemLanguage", "href");

	private SvgReader() {
	}

	/** The drawing that was read (null when nothing usable was), and what was refused on the way. */
	record Parsed(SvgNode root, Set<String> refused) {
	}

	static Parsed parse(byte[] input) {
		Set<String> refused = new LinkedHashSet<>();
		XMLInputFactory factory = XMLInputFactory.newFactory();
		factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
		factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
		factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
		factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
		XMLStreamReader reader = null;
		try {
			reader = factory.createXMLStreamReader(new ByteArrayInputStream(input));
			SvgNode root = null;
			Deque<SvgNode> open = new ArrayDeque<>();
			int skipping = 0; // depth inside an element that is left out with everything in it
			int elements = 0;
			while (reader.hasNext()) {
				int event = reader.next();
				switch (event) {
					case XMLStreamConstants.DTD, XMLStreamConstants.ENTITY_REFERENCE -> {
						refused.add("a DOCTYPE or entity declaration");
						return new Parsed(null, refused);
					}
					case XMLStreamConstants.START_ELEMENT -> {
						if (++elements > SvgSanitizer.MAX_ELEMENTS) {
							refused.add("more than " + SvgSanitizer.MAX_ELEMENTS + " elements");
							return new Parsed(null, refused);
						}
						if (open.size() + skipping >= SvgSanitizer.MAX_DEPTH) {
							refused.add("elements nested more than " + SvgSanitizer.MAX_DEPTH + " levels deep");
							return new Parsed(null, refused);
						}
						if (skipping > 0) {
							skipping++;
							continue;
						}
						String ns = reader.getNamespaceURI();
						String name = reader.getLocalName();
						boolean svg = ns == null || ns.isEmpty() || SvgSanitizer.SVG_NS.equals(ns);
						if (root == null) {
							if (!svg || !"svg".equals(name)) {
								return new Parsed(null, refused);
							}
						}
						String refusal = REFUSED_ELEMENTS.get(name.toLowerCase(Locale.ROOT));
						if (refusal == null && XHTML_NS.equals(ns)) {
							refusal = "embedded web page content";
						}
						if (refusal != null) {
							refused.add(refusal + " (<" + name + ">)");
							skipping = 1;
							continue;
						}
						if (!svg || (!ELEMENTS.contains(name) && !"a".equals(name))) {
							skipping = 1; // editor metadata and the like: harmless, dropped silently
							continue;
						}
						SvgNode node = new SvgNode(name);
						readAttributes(reader, node, refused);
						if (root == null) {
							root = node;
						}
						else {
							open.peek().children.add(node);
						}
						open.push(node);
					}
					case XMLStreamConstants.END_ELEMENT -> {
						if (skipping > 0) {
							skipping--;
						}
						else {
							open.pop();
						}
					}
					case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
						if (skipping == 0 && !open.isEmpty() && TEXT_ELEMENTS.contains(open.peek().name)) {
							open.peek().children.add(reader.getText());
						}
					}
					default -> {
						// comments and processing instructions are left out
					}
				}
			}
			return new Parsed(root, refused);
		}
		catch (XMLStreamException | RuntimeException ex) {
			return new Parsed(null, refused);
		}
		finally {
			if (reader != null) {
				try {
					reader.close();
				}
				catch (XMLStreamException ex) {
					// nothing held
				}
			}
		}
	}

	private static void readAttributes(XMLStreamReader reader, SvgNode node, Set<String> refused) {
		for (int i = 0; i < reader.getAttributeCount(); i++) {
			String ns = reader.getAttributeNamespace(i);
			String name = reader.getAttributeLocalName(i);
			String value = reader.getAttributeValue(i);
			if (name.toLowerCase(Locale.ROOT).startsWith("on")) {
				refused.add("an event handler (" + name + ")");
				continue;
			}
			boolean plain = ns == null || ns.isEmpty();
			if ("href".equals(name) && (plain || SvgSanitizer.XLINK_NS.equals(ns))) {
				node.attributes.put("href", value);
			}
			else if (XML_NS.equals(ns) && "space".equals(name)) {
				node.attributes.put("xml:space", value);
			}
			else if (plain && ATTRIBUTES.contains(name)) {
				node.attributes.put(name, value);
			}
			else if (value != null && SvgSanitizer.scriptLink(value)) {
				refused.add("a script link (" + name + ")");
			}
		}
	}

	private static Map<String, String> refusedElements() {
		Map<String, String> refused = new HashMap<>();
		refused.put("script", "a script");
		for (String animation : List.of("set", "animate", "animatetransform", "animatemotion", "animatecolor",
				"discard", "mpath")) {
			refused.put(animation, "animation");
		}
		refused.put("foreignobject", "embedded web content");
		for (String embedded : List.of("iframe", "embed", "object", "audio", "video", "canvas", "handler",
				"listener", "feimage")) {
			refused.put(embedded, "embedded content from elsewhere");
		}
		return Map.copyOf(refused);
	}

}
