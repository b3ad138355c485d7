package org.cairn.template;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rebuilds untrusted SVG from an allow-list: only drawing elements and presentation attributes survive, every
 * reference must point inside the document ({@code #id}) or be an embedded PNG/JPEG picture, and what is left is
 * capped in cost (element count, nesting, filter primitives and their parameters, filtered shapes, embedded picture
 * size), so the result is inert wherever it is shown and cheap enough to rasterize.
 * <p>
 * Two outcomes of what is not kept: things that are dangerous or too costly are <em>refused</em> (named in plain
 * words, so an author can be told; the cleaned SVG leaves them out), while editor leftovers that are harmless
 * (Inkscape or Illustrator metadata, unknown attributes) are dropped silently. {@link SvgReader} reads (streaming,
 * no DOCTYPE, stopping at the depth limit, so 100,000 nested elements cost nothing), this class cleans and caps the
 * cost, {@link SvgWriter} writes the result.
 */
final class SvgSanitizer {

	static final String SVG_NS = "http://www.w3.org/2000/svg";

	static final String XLINK_NS = "http://www.w3.org/1999/xlink";

	static final int MAX_ELEMENTS = 4_000;

	static final int MAX_DEPTH = 48;

	static final int MAX_FILTER_PRIMITIVES = 16;

	/** Each filtered shape is drawn off-screen and filtered over its whole area: the main cost driver. */
	static final int MAX_FILTERED_ELEMENTS = 4;

	static final int MAX_OCTAVES = 3;

	/** Turbulence is computed per pixel and octave, so few are allowed. */
	static final int MAX_TURBULENCES = 2;

	static final int MAX_PICTURE_SIDE = 2_048;

	/** Blur (stdDeviation) and morphology radius, as a share of the artwork's larger side. */
	static final float MAX_BLUR_SHARE = 0.1f;

	static final float MAX_RADIUS_SHARE = 0.05f;

	private static final Set<String> FILTER_PRIMITIVES = Set.of("feBlend", "feColorMatrix", "feComponentTransfer",
			"feComposite", "feDropShadow", "feFlood", "feGaussianBlur", "feMerge", "feMorphology", "feOffset",
			"feTurbulence");

	private static final Pattern LOCAL_REF = Pattern.compile("#[A-Za-z_][\\w.:-]*");

	private static final Pattern PICTURE = Pattern.compile("data:image/(png|jpeg);base64,([A-Za-z0-9+/=\\s]+)");

	private static final Pattern URL = Pattern.compile("url\\(\\s*(['\"]?)([^'\")]*)\\1\\s*\\)");

	private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");

	private SvgSanitizer() {
	}

	/**
	 * The outcome: {@code svg} is the rebuilt document (empty when nothing usable was found, e.g. not SVG or a
	 * DOCTYPE), {@code refused} says in plain words what was dangerous or too costly and was left out.
	 */
	record Cleaned(Optional<byte[]> svg, List<String> refused) {

		boolean safeAsGiven() {
			return svg.isPresent() && refused.isEmpty();
		}

	}

	static Cleaned clean(byte[] input) {
		SvgReader.Parsed parsed = SvgReader.parse(input);
		if (parsed.root() == null) {
			return new Cleaned(Optional.empty(), List.copyOf(parsed.refused()));
		}
		Cleaner cleaner = new Cleaner(parsed.refused(), viewSize(parsed.root()));
		cleaner.clean(parsed.root());
		cleaner.checkUses(parsed.root());
		StringBuilder out = new StringBuilder(input.length);
		SvgWriter.write(parsed.root(), out, true);
		return new Cleaned(Optional.of(out.toString().getBytes(StandardCharsets.UTF_8)),
				List.copyOf(parsed.refused()));
	}

	// ---- cleaning -----------------------------------------------------------------------------------------------

	private static final class Cleaner {

		final Set<String> refused;

		final float side;

		int primitives;

		int filtered;

		int turbulences;

		Cleaner(Set<String> refused, float side) {
			this.refused = refused;
			this.side = side;
		}

		/** Cleans the children of {@code node} (the depth is bounded by the parser, so recursion is safe). */
		void clean(SvgNode node) {
			cleanAttributes(node);
			List<Object> kept = new ArrayList<>();
			for (Object child : node.children) {
				if (!(child instanceof SvgNode element)) {
					if ("style".equals(node.name)) {
						Optional<String> problem = cssProblem((String) child);
						if (problem.isPresent()) {
							refused.add(problem.get() + " in a <style> element");
							continue;
						}
					}
					kept.add(child);
					continue;
				}
				if (FILTER_PRIMITIVES.contains(element.name) && ++primitives > MAX_FILTER_PRIMITIVES) {
					refused.add("more than " + MAX_FILTER_PRIMITIVES + " filter effects");
					continue;
				}
				Optional<String> cost = cost(element);
				if (cost.isPresent()) {
					refused.add(cost.get());
					continue;
				}
				clean(element);
				if ("style".equals(element.name) && element.children.isEmpty()) {
					continue; // its sheet was refused: an empty <style> is left out
				}
				if ("a".equals(element.name)) {
					kept.addAll(element.children); // a link is unwrapped: its drawing stays, the link goes
				}
				else {
					kept.add(element);
				}
			}
			node.children.clear();
			node.children.addAll(kept);
		}

		private void cleanAttributes(SvgNode node) {
			var entries = node.attributes.entrySet().iterator();
			while (entries.hasNext()) {
				var attribute = entries.next();
				String name = attribute.getKey();
				String value = attribute.getValue();
				Optional<String> problem = "href".equals(name) ? hrefProblem(node.name, value)
						: "style".equals(name) ? cssProblem(value) : valueProblem(value);
				if (problem.isPresent()) {
					refused.add(problem.get() + " (" + name + " on <" + node.name + ">)");
					entries.remove();
				}
			}
			if (node.attributes.containsKey("filter") || styleHasFilter(node.attributes.get("style"))) {
				if (++filtered > MAX_FILTERED_ELEMENTS) {
					refused.add("more than " + MAX_FILTERED_ELEMENTS + " shapes with a filter");
					node.attributes.remove("filter");
					node.attributes.remove("style");
				}
			}
			if ("a".equals(node.name)) {
				node.attributes.clear();
			}
		}

		/** What makes a filter primitive too costly to draw, if anything. */
		private Optional<String> cost(SvgNode element) {
			switch (element.name) {
				case "feTurbulence" -> {
					if (++turbulences > MAX_TURBULENCES) {
						return Optional.of("more than " + MAX_TURBULENCES + " turbulence filter effects");
					}
					double octaves = largest(element.attributes.get("numOctaves"));
					if (octaves > MAX_OCTAVES) {
						return Optional.of("a filter too costly to draw (numOctaves " + number(octaves)
								+ "; at most " + MAX_OCTAVES + ")");
					}
				}
				case "feGaussianBlur", "feDropShadow" -> {
					double blur = largest(element.attributes.get("stdDeviation"));
					if (blur > side * MAX_BLUR_SHARE) {
						return Optional.of("a filter too costly to draw (stdDeviation " + number(blur) + "; at most "
								+ number(side * MAX_BLUR_SHARE) + " for this artwork's size)");
					}
				}
				case "feMorphology" -> {
					double radius = largest(element.attributes.get("radius"));
					if (radius > side * MAX_RADIUS_SHARE) {
						return Optional.of("a filter too costly to draw (radius " + number(radius) + "; at most "
								+ number(side * MAX_RADIUS_SHARE) + " for this artwork's size)");
					}
				}
				case "image" -> {
					return pictureProblem(element.attributes.get("href"));
				}
				default -> {
					// no parameter that makes drawing costly
				}
			}
			return Optional.empty();
		}

		/**
		 * A {@code <use>} may only show something that itself holds no {@code <use>}: chains of uses multiply (a
		 * "billion laughs" in drawing). Such uses are refused and left out.
		 */
		void checkUses(SvgNode root) {
			Map<String, SvgNode> byId = new HashMap<>();
			List<SvgNode> all = new ArrayList<>();
			Deque<SvgNode> todo = new ArrayDeque<>(List.of(root));
			while (!todo.isEmpty()) {
				SvgNode n = todo.pop();
				all.add(n);
				String id = n.attributes.get("id");
				if (id != null) {
					byId.putIfAbsent(id, n);
				}
				n.children.stream().filter(SvgNode.class::isInstance).map(SvgNode.class::cast).forEach(todo::push);
			}
			for (SvgNode n : all) {
				n.children.removeIf(child -> child instanceof SvgNode use && "use".equals(use.name)
						&& !usable(use, byId));
			}
		}

		private boolean usable(SvgNode use, Map<String, SvgNode> byId) {
			String href = use.attributes.get("href");
			SvgNode target = href == null ? null : byId.get(href.substring(1));
			if (target == null) {
				return false;
			}
			Deque<SvgNode> todo = new ArrayDeque<>(List.of(target));
			while (!todo.isEmpty()) {
				SvgNode n = todo.pop();
				if ("use".equals(n.name) || n == use) {
					refused.add("a <use> of something that itself contains <use> (it can multiply without end)");
					return false;
				}
				n.children.stream().filter(SvgNode.class::isInstance).map(SvgNode.class::cast).forEach(todo::push);
			}
			return true;
		}

	}

	private static Optional<String> hrefProblem(String element, String value) {
		String v = value.strip();
		if (LOCAL_REF.matcher(v).matches()) {
			return Optional.empty();
		}
		if ("image".equals(element) && PICTURE.matcher(v).matches()) {
			return Optional.empty();
		}
		if (scriptLink(v)) {
			return Optional.of("a script link");
		}
		return Optional.of("a link to something outside the image");
	}

	private static Optional<String> valueProblem(String value) {
		if (scriptLink(value)) {
			return Optional.of("a script link");
		}
		return urlProblem(value.toLowerCase(Locale.ROOT));
	}

	/** Only {@code url(#id)} is allowed: anything else loads from outside the image (a tracking beacon at least). */
	private static Optional<String> urlProblem(String lowerCase) {
		int start = 0;
		while ((start = lowerCase.indexOf("url(", start)) >= 0) {
			Matcher url = URL.matcher(lowerCase);
			if (!url.find(start) || url.start() != start || !LOCAL_REF.matcher(url.group(2).strip()).matches()) {
				return Optional.of("a reference to something outside the image (url(…))");
			}
			start = url.end();
		}
		return Optional.empty();
	}

	/** CSS in a {@code style} attribute or element; empty when it is acceptable. */
	static Optional<String> cssProblem(String css) {
		String lower = css.replaceAll("(?s)/\\*.*?\\*/", "").toLowerCase(Locale.ROOT);
		if (lower.contains("\\")) {
			return Optional.of("an escaped character in a style (it can hide a reference)");
		}
		if (lower.contains("@import")) {
			return Optional.of("a stylesheet import (@import)");
		}
		if (lower.contains("expression(")) {
			return Optional.of("a CSS expression");
		}
		if (lower.contains("behavior") || lower.contains("-moz-binding")) {
			return Optional.of("a CSS behaviour");
		}
		if (lower.contains("<")) {
			return Optional.of("markup inside a style");
		}
		return valueProblem(lower);
	}

	static boolean scriptLink(String value) {
		String squeezed = value.replaceAll("[\\s\\u0000-\\u001f]", "").toLowerCase(Locale.ROOT);
		return squeezed.contains("javascript:") || squeezed.contains("vbscript:")
				|| squeezed.contains("data:text/html");
	}

	private static boolean styleHasFilter(String style) {
		return style != null && style.toLowerCase(Locale.ROOT).contains("filter");
	}

	/** Embedded pictures: PNG or JPEG only, and at most {@link #MAX_PICTURE_SIDE} pixels a side. */
	private static Optional<String> pictureProblem(String href) {
		if (href == null) {
			return Optional.empty();
		}
		Matcher picture = PICTURE.matcher(href.strip());
		if (!picture.matches()) {
			return Optional.empty(); // a local reference or refused by the href check
		}
		byte[] bytes;
		try {
			bytes = Base64.getMimeDecoder().decode(picture.group(2));
		}
		catch (IllegalArgumentException ex) {
			return Optional.of("an embedded picture that is not valid base64");
		}
		int[] size = "png".equals(picture.group(1)) ? PictureSize.png(bytes) : PictureSize.jpeg(bytes);
		if (size == null) {
			return Optional.of("an embedded picture that is not a " + picture.group(1).toUpperCase(Locale.ROOT));
		}
		if (size[0] > MAX_PICTURE_SIDE || size[1] > MAX_PICTURE_SIDE) {
			return Optional.of("an embedded picture of " + size[0] + "×" + size[1] + " pixels (at most "
					+ MAX_PICTURE_SIDE + " a side)");
		}
		return Optional.empty();
	}

	private static double largest(String value) {
		double max = 0;
		if (value == null) {
			return max;
		}
		Matcher m = NUMBER.matcher(value);
		while (m.find()) {
			try {
				max = Math.max(max, Math.abs(Double.parseDouble(m.group())));
			}
			catch (NumberFormatException ex) {
				return Double.MAX_VALUE;
			}
		}
		return max;
	}

	private static String number(double value) {
		return value == Math.rint(value) && value < 1e9 ? String.valueOf((long) value)
				: String.format(Locale.ROOT, "%.1f", value);
	}

	/** The larger side of the artwork in user units (viewBox, else width/height, else 256). */
	private static float viewSize(SvgNode root) {
		try {
			String box = root.attributes.get("viewBox");
			if (box != null) {
				String[] parts = box.strip().split("[\\s,]+");
				if (parts.length == 4) {
					return Math.max(Float.parseFloat(parts[2]), Float.parseFloat(parts[3]));
				}
			}
			String w = root.attributes.get("width");
			String h = root.attributes.get("height");
			if (w != null && h != null) {
				return Math.max(Float.parseFloat(w.replace("px", "")), Float.parseFloat(h.replace("px", "")));
			}
		}
		catch (NumberFormatException ex) {
			// the default below
		}
		return 256;
	}


}
