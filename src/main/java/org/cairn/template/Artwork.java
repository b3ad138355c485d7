package org.cairn.template;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Badge artwork: a base64 {@code data:} URI of a PNG or an SVG. The declared type is checked against the bytes
 * (PNG signature; SVG parsed as XML with an {@code svg} root), and SVGs that could run script or load anything
 * from elsewhere are refused, because the image is embedded in badges that other sites display.
 */
final class Artwork {

	static final int MAX_BYTES = 96 * 1024;

	private static final byte[] PNG_SIGNATURE = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };

	private static final Pattern DATA_URI = Pattern.compile("data:(image/png|image/svg\\+xml);base64,([A-Za-z0-9+/=]+)");

	private static final Set<String> FORBIDDEN_ELEMENTS = Set.of("script", "foreignobject", "iframe", "embed", "object",
			"audio", "video");

	private static final String PLACEHOLDER_COLOUR = "#2f5d8a";

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

	private static Optional<String> pngProblem(byte[] bytes) {
		if (bytes.length < PNG_SIGNATURE.length) {
			return Optional.of("is declared image/png but is not a PNG");
		}
		for (int i = 0; i < PNG_SIGNATURE.length; i++) {
			if (bytes[i] != PNG_SIGNATURE[i]) {
				return Optional.of("is declared image/png but is not a PNG");
			}
		}
		return Optional.empty();
	}

	private static Optional<String> svgProblem(byte[] bytes) {
		Element root;
		try {
			DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
			factory.setNamespaceAware(true);
			factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
			factory.setXIncludeAware(false);
			factory.setExpandEntityReferences(false);
			var builder = factory.newDocumentBuilder();
			builder.setErrorHandler(null);
			root = builder.parse(new ByteArrayInputStream(bytes)).getDocumentElement();
		}
		catch (Exception ex) {
			return Optional.of("is declared image/svg+xml but is not well-formed SVG");
		}
		if (!"svg".equals(root.getLocalName())) {
			return Optional.of("is declared image/svg+xml but its root element is not <svg>");
		}
		return unsafe(root);
	}

	private static Optional<String> unsafe(Element element) {
		String name = element.getLocalName() == null ? element.getTagName() : element.getLocalName();
		if (FORBIDDEN_ELEMENTS.contains(name.toLowerCase(Locale.ROOT))) {
			return Optional.of("must not contain <" + name + ">");
		}
		NamedNodeMap attributes = element.getAttributes();
		for (int i = 0; i < attributes.getLength(); i++) {
			Node attribute = attributes.item(i);
			String attributeName = attribute.getLocalName() == null ? attribute.getNodeName()
					: attribute.getLocalName();
			String value = attribute.getNodeValue().trim().toLowerCase(Locale.ROOT);
			if (attributeName.toLowerCase(Locale.ROOT).startsWith("on")) {
				return Optional.of("must not contain event handlers (" + attributeName + ")");
			}
			if (attributeName.equals("href") && !value.startsWith("#") && !value.startsWith("data:image/")) {
				return Optional.of("must not reference anything outside the image (" + attributeName + ")");
			}
			if (value.contains("url(") && !value.contains("url(#")) {
				return Optional.of("must not load anything from outside the image");
			}
		}
		NodeList children = element.getChildNodes();
		for (int i = 0; i < children.getLength(); i++) {
			if (children.item(i) instanceof Element child) {
				Optional<String> problem = unsafe(child);
				if (problem.isPresent()) {
					return problem;
				}
			}
		}
		return Optional.empty();
	}

}
