package org.cairn.template;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Badge artwork: a base64 {@code data:} URI of a PNG or an SVG. The declared type is checked against the bytes
 * (PNG signature and size; SVG rebuilt from an allow-list by {@link SvgSanitizer}), and SVGs that could run script,
 * load anything from elsewhere or cost too much to draw are refused, naming what is wrong, because the image is
 * embedded in badges that other districts and other sites display. Served artwork is always the rebuilt SVG.
 */
final class Artwork {

	static final int MAX_BYTES = 96 * 1024;

	/** PNG artwork is served as it is, so its declared size is capped (a small file can declare a huge picture). */
	static final int MAX_PNG_SIDE = 4_096;

	private static final byte[] PNG_SIGNATURE = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };

	private static final Pattern DATA_URI = Pattern.compile("data:(image/png|image/svg\\+xml);base64,([A-Za-z0-9+/=]+)");

	private static final String PLACEHOLDER_COLOUR = "#2f5d8a";

	private static final String SVG_NS = "http://www.w3.org/2000/svg";

	/** The id of the group holding the title banner, so a changed title replaces it. */
	static final String TITLE_BANNER = "cairn-title";

	private static final int BANNER_LINE = 24;

	private Artwork() {
	}

	/** What is wrong with the artwork, or empty when it is acceptable. */
	static Optional<String> problem(String dataUri) {
		if (dataUri == null || dataUri.isBlank()) {
			return Optional.of("is required: a data: URI of a PNG or SVG image");
		}
		var matcher = DATA_URI.matcher(dataUri);
		if (!matcher.matches()) {
			return Optional.of("must be a base64 data: URI of type image/png or image/svg+xml");
		}
		byte[] bytes;
		try {
			bytes = Base64.getDecoder().decode(matcher.group(2));
		}
		catch (IllegalArgumentException ex) {
			return Optional.of("is not valid base64");
		}
		if (bytes.length > MAX_BYTES) {
			return Optional.of("is " + bytes.length + " bytes; the limit is " + MAX_BYTES);
		}
		return "image/png".equals(matcher.group(1)) ? pngProblem(bytes) : svgProblem(bytes);
	}

	static String svgDataUri(byte[] svg) {
		return "data:image/svg+xml;base64," + Base64.getEncoder().encodeToString(svg);
	}

	/**
	 * Library artwork draws its main shapes in one placeholder colour; a district adopting it gets its own brand
	 * colour instead.
	 */
	static byte[] recolour(byte[] svg, String brandColour) {
		if (brandColour == null || !brandColour.matches("#[0-9A-Fa-f]{6}")) {
			return svg;
		}
		String text = new String(svg, StandardCharsets.UTF_8);
		return text.replaceAll("(?i)" + PLACEHOLDER_COLOUR, brandColour.toLowerCase(Locale.ROOT))
			.getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * Library artwork made the district's own: the title on a banner across the lower part of the image, then every
	 * placeholder colour (the banner's text and border too) replaced by the brand colour.
	 */
	static byte[] personalise(byte[] svg, String title, String brandColour) {
		return recolour(withTitle(svg, title), brandColour);
	}

	/**
	 * The artwork of a data URI with its title banner showing {@code title}; unchanged when the artwork has no
	 * banner (a district's own artwork) or already shows that title, so saving the same content twice is a no-op.
	 */
	static String retitled(String dataUri, String title) {
		var matcher = dataUri == null ? null : DATA_URI.matcher(dataUri);
		if (matcher == null || !matcher.matches() || !"image/svg+xml".equals(matcher.group(1)) || title == null
				|| title.isBlank()) {
			return dataUri;
		}
		byte[] svg;
		try {
			svg = Base64.getDecoder().decode(matcher.group(2));
		}
		catch (IllegalArgumentException ex) {
			return dataUri;
		}
		if (svg.length > MAX_BYTES || !SvgSanitizer.clean(svg).safeAsGiven()) {
			return dataUri; // only artwork that may be kept is worked on (and deep nesting never reaches the DOM)
		}
		Element root = parse(svg).orElse(null);
		Element banner = root == null ? null : byId(root, TITLE_BANNER);
		if (banner == null || String.join(" ", bannerLines(title)).equals(bannerText(banner))) {
			return dataUri;
		}
		banner.getParentNode().removeChild(banner);
		Element retitled = parse(withTitle(serialize(root), title)).orElse(null);
		return retitled == null ? dataUri : svgDataUri(serialize(retitled));
	}

	/** Adds (or replaces) the title banner; returns the input unchanged if it is not parseable SVG. */
	static byte[] withTitle(byte[] svg, String title) {
		Element root = parse(svg).orElse(null);
		if (root == null || title == null || title.isBlank()) {
			return svg;
		}
		Element old = byId(root, TITLE_BANNER);
		if (old != null) {
			old.getParentNode().removeChild(old);
		}
		float[] box = viewBox(root);
		float x = box[0], y = box[1], w = box[2], h = box[3];
		List<String> lines = bannerLines(title);
		int longest = lines.stream().mapToInt(String::length).max().orElse(1);
		// A sans-serif glyph averages a little over half the font size wide.
		float fontSize = Math.min(h * 0.068f, (w * 0.80f) / (0.56f * Math.max(longest, 1)));
		float lineHeight = fontSize * 1.2f;
		float bannerHeight = lineHeight * lines.size() + fontSize * 0.6f;
		float top = y + h * 0.80f - bannerHeight / 2;
		var doc = root.getOwnerDocument();
		Element group = doc.createElementNS(SVG_NS, "g");
		group.setAttribute("id", TITLE_BANNER);
		Element band = doc.createElementNS(SVG_NS, "rect");
		band.setAttribute("x", number(x + w * 0.04f));
		band.setAttribute("y", number(top));
		band.setAttribute("width", number(w * 0.92f));
		band.setAttribute("height", number(bannerHeight));
		band.setAttribute("rx", number(bannerHeight * 0.2f));
		band.setAttribute("fill", "#ffffff");
		band.setAttribute("stroke", PLACEHOLDER_COLOUR);
		band.setAttribute("stroke-width", number(Math.max(1f, h * 0.01f)));
		group.appendChild(band);
		for (int i = 0; i < lines.size(); i++) {
			Element text = doc.createElementNS(SVG_NS, "text");
			text.setAttribute("x", number(x + w / 2));
			text.setAttribute("y", number(top + fontSize * 0.3f + lineHeight * i + fontSize));
			text.setAttribute("text-anchor", "middle");
			text.setAttribute("font-family", "DejaVu Sans, Liberation Sans, Arial, sans-serif");
			text.setAttribute("font-weight", "bold");
			text.setAttribute("font-size", number(fontSize));
			text.setAttribute("fill", PLACEHOLDER_COLOUR);
			text.setTextContent(lines.get(i)); // text content: markup in a title is escaped, never parsed
			group.appendChild(text);
		}
		root.appendChild(group);
		return serialize(root);
	}

	/** At most two lines of about 24 characters; longer titles end with an ellipsis. */
	static List<String> bannerLines(String title) {
		List<String> lines = new ArrayList<>();
		StringBuilder line = new StringBuilder();
		String[] words = title.strip().split("\\s+");
		for (int i = 0; i < words.length; i++) {
			String word = words[i];
			if (!line.isEmpty() && line.length() + 1 + word.length() > BANNER_LINE) {
				lines.add(line.toString());
				line = new StringBuilder();
				if (lines.size() == 2) {
					String last = lines.remove(1);
					lines.add(last.length() > BANNER_LINE - 1 ? last.substring(0, BANNER_LINE - 1) + "\u2026"
							: last + "\u2026");
					return lines;
				}
			}
			line.append(line.isEmpty() ? "" : " ").append(word);
		}
		if (!line.isEmpty()) {
			String text = line.toString();
			lines.add(text.length() > BANNER_LINE + 6 ? text.substring(0, BANNER_LINE) + "\u2026" : text);
		}
		return lines;
	}

	private static String bannerText(Element banner) {
		List<String> lines = new ArrayList<>();
		NodeList texts = banner.getElementsByTagNameNS(SVG_NS, "text");
		for (int i = 0; i < texts.getLength(); i++) {
			lines.add(texts.item(i).getTextContent());
		}
		return String.join(" ", lines);
	}

	private static Element byId(Element root, String id) {
		NodeList all = root.getElementsByTagNameNS("*", "*");
		for (int i = 0; i < all.getLength(); i++) {
			if (all.item(i) instanceof Element e && id.equals(e.getAttribute("id"))) {
				return e;
			}
		}
		return null;
	}

	/** x, y, width, height from {@code viewBox}, else from width and height, else a 256 square. */
	private static float[] viewBox(Element root) {
		try {
			String[] parts = root.getAttribute("viewBox").trim().split("[\\s,]+");
			if (parts.length == 4) {
				float[] box = new float[4];
				for (int i = 0; i < 4; i++) {
					box[i] = Float.parseFloat(parts[i]);
				}
				if (box[2] > 0 && box[3] > 0) {
					return box;
				}
			}
			float w = Float.parseFloat(root.getAttribute("width").replace("px", ""));
			float h = Float.parseFloat(root.getAttribute("height").replace("px", ""));
			if (w > 0 && h > 0) {
				return new float[] { 0, 0, w, h };
			}
		}
		catch (NumberFormatException ex) {
			// fall through to the default
		}
		return new float[] { 0, 0, 256, 256 };
	}

	private static String number(float value) {
		return value == Math.rint(value) ? String.valueOf((int) value) : String.format(Locale.ROOT, "%.1f", value);
	}

	private static byte[] serialize(Element root) {
		try {
			TransformerFactory factory = TransformerFactory.newInstance();
			factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
			factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
			factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
			Transformer transformer = factory.newTransformer();
			transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
			transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			transformer.transform(new DOMSource(root), new StreamResult(out));
			return out.toByteArray();
		}
		catch (TransformerException ex) {
			throw new IllegalStateException("Cannot write SVG", ex);
		}
	}

	/**
	 * Parses SVG as untrusted input: no DOCTYPE (so no entities, internal or external), no XInclude, secure
	 * processing limits. Empty when it is not well-formed or its root is not {@code <svg>}.
	 */
	static Optional<Element> parse(byte[] bytes) {
		try {
			DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
			factory.setNamespaceAware(true);
			factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
			factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
			factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
			factory.setXIncludeAware(false);
			factory.setExpandEntityReferences(false);
			var builder = factory.newDocumentBuilder();
			builder.setErrorHandler(null);
			Element root = builder.parse(new ByteArrayInputStream(bytes)).getDocumentElement();
			return "svg".equals(root.getLocalName()) ? Optional.of(root) : Optional.empty();
		}
		catch (Exception ex) {
			return Optional.empty();
		}
	}

	private static Optional<String> pngProblem(byte[] bytes) {
		if (bytes.length < PNG_SIGNATURE.length) {
			return Optional.of("is declared image/png but is not a PNG");
		}
		for (int i = 0; i < PNG_SIGNATURE.length; i++) {
			if (bytes[i] != PNG_SIGNATURE[i]) {
				return Optional.of("is declared image/png but is not a PNG");
			}
		}
		int[] size = PictureSize.png(bytes);
		if (size == null) {
			return Optional.of("is declared image/png but is not a PNG");
		}
		if (size[0] > MAX_PNG_SIDE || size[1] > MAX_PNG_SIDE) {
			return Optional.of("is " + size[0] + "×" + size[1] + " pixels; at most " + MAX_PNG_SIDE + " a side");
		}
		return Optional.empty();
	}

	private static Optional<String> svgProblem(byte[] bytes) {
		SvgSanitizer.Cleaned cleaned = SvgSanitizer.clean(bytes);
		if (!cleaned.refused().isEmpty()) {
			return Optional.of(refusal(cleaned.refused()));
		}
		if (cleaned.svg().isEmpty()) {
			return Optional.of("is declared image/svg+xml but is not well-formed SVG with an <svg> root "
					+ "(a DOCTYPE or entity is not accepted)");
		}
		return Optional.empty();
	}

	/** What was refused, in words an author can act on. */
	private static String refusal(List<String> refused) {
		List<String> shown = refused.size() > 6 ? refused.subList(0, 6) : refused;
		return "contains what badge artwork may not hold, because badges are shown to other districts and on other "
				+ "sites: " + String.join("; ", shown) + (refused.size() > shown.size() ? "; and more" : "")
				+ ". Remove " + (refused.size() == 1 ? "it" : "them") + " and add the artwork again.";
	}

	/**
	 * Why artwork cannot even be kept in a draft: SVG with something dangerous or too costly in it. Incomplete
	 * artwork (missing, wrong type) may sit in a draft; publishing reports it.
	 */
	static Optional<String> refused(String dataUri) {
		Optional<byte[]> svg = svgBytes(dataUri);
		if (svg.isEmpty() || svg.get().length > MAX_BYTES) {
			return Optional.empty();
		}
		List<String> refused = SvgSanitizer.clean(svg.get()).refused();
		return refused.isEmpty() ? Optional.empty() : Optional.of(refusal(refused));
	}

	/**
	 * Stored SVG artwork as it may be served or drawn: rebuilt by {@link SvgSanitizer}, whatever was stored (also
	 * artwork stored before the allow-list existed). Empty when it is not SVG or nothing usable is left.
	 */
	static Optional<byte[]> servable(String dataUri) {
		return svgBytes(dataUri).filter(svg -> svg.length <= MAX_BYTES)
			.flatMap(svg -> SvgSanitizer.clean(svg).svg());
	}

	/**
	 * The artwork as a data URI fit to hand to someone else (the catalogue, a preview): SVG rebuilt by the
	 * allow-list, other artwork unchanged; null when SVG artwork has nothing usable left.
	 */
	static String served(String dataUri) {
		if (!isSvg(dataUri)) {
			return dataUri;
		}
		return servable(dataUri).map(Artwork::svgDataUri).orElse(null);
	}

	static boolean isSvg(String dataUri) {
		return dataUri != null && dataUri.startsWith("data:image/svg+xml");
	}

	private static Optional<byte[]> svgBytes(String dataUri) {
		var matcher = dataUri == null ? null : DATA_URI.matcher(dataUri);
		if (matcher == null || !matcher.matches() || !"image/svg+xml".equals(matcher.group(1))) {
			return Optional.empty();
		}
		try {
			return Optional.of(Base64.getDecoder().decode(matcher.group(2)));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

}
