package org.cairn.verification;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;

import org.cairn.openbadges.Conventions;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Takes the assertion out of a baked SVG (baking spec, "SVGs"): exactly one {@code openbadges:assertion} element,
 * its {@code verify} attribute (URL or JWS) or its body (assertion JSON). The parser refuses any DOCTYPE, so no
 * entity (external or exponential) is ever expanded; scripts and event handlers are reported as image problems.
 */
final class SvgExtraction {

	/**
	 * Deepest element nesting read. The parser refuses deeper documents, so nothing after it (the DOM walk looking
	 * for active content) can exhaust a worker's stack on 100,000 nested groups.
	 */
	static final int MAX_DEPTH = 256;

	private SvgExtraction() {
	}

	static boolean looksLike(byte[] bytes) {
		String head = new String(bytes, 0, Math.min(bytes.length, 512), java.nio.charset.StandardCharsets.UTF_8)
			.stripLeading()
			.replace("\uFEFF", "");
		return head.startsWith("<?xml") || head.startsWith("<svg") || head.startsWith("<!DOCTYPE svg")
				|| (head.startsWith("<") && head.contains("<svg"));
	}

	static Extracted extract(byte[] svg) {
		Document document;
		try {
			document = parser().parse(new ByteArrayInputStream(svg));
		}
		catch (Exception ex) {
			String message = String.valueOf(ex.getMessage());
			if (message.contains("maxElementDepth") || message.contains("depth")) {
				return Extracted.failed(InputKind.SVG, "The SVG nests elements deeper than " + MAX_DEPTH
						+ " levels; a badge image never does, so it is not read.");
			}
			if (message.contains("DOCTYPE")) {
				return Extracted.failed(InputKind.SVG,
						"The SVG declares a DOCTYPE; entity declarations are refused, so it is not read.");
			}
			return Extracted.failed(InputKind.SVG, "The SVG is not well-formed XML.");
		}
		Element root = document.getDocumentElement();
		if (root == null || !"svg".equals(local(root))) {
			return Extracted.failed(InputKind.SVG, "The document's root element is not <svg>.");
		}
		List<String> problems = new ArrayList<>();
		activeContent(root, problems);
		NodeList found = document.getElementsByTagNameNS(Conventions.SVG_NAMESPACE, "assertion");
		if (found.getLength() == 0) {
			NodeList credentials = document.getElementsByTagNameNS(Conventions.SVG_NAMESPACE_V3, "credential");
			if (credentials.getLength() > 0) {
				return credential(credentials, problems);
			}
			return new Extracted(InputKind.SVG, null,
					"The SVG has no openbadges:assertion (or Open Badges 3.0 openbadges:credential) element.",
					problems);
		}
		if (found.getLength() > 1) {
			return new Extracted(InputKind.SVG, null, "The SVG has " + found.getLength()
					+ " openbadges:assertion elements; the baking specification allows one.", problems);
		}
		Element assertion = (Element) found.item(0);
		String body = assertion.getTextContent() == null ? "" : assertion.getTextContent().strip();
		String verify = assertion.getAttribute("verify").strip();
		String content = !body.isEmpty() ? body : verify;
		if (content.isEmpty()) {
			return new Extracted(InputKind.SVG, null, "The openbadges:assertion element is empty.", problems);
		}
		return new Extracted(InputKind.SVG, content, null, problems);
	}

	/**
	 * Open Badges 3.0 (spec "Baked Badge", SVG): one {@code openbadges:credential} element in namespace
	 * {@code https://purl.imsglobal.org/ob/v3p0}, its body the credential JSON, or its {@code verify} attribute the
	 * VC-JWT.
	 */
	private static Extracted credential(NodeList found, List<String> problems) {
		if (found.getLength() > 1) {
			return new Extracted(InputKind.SVG, null, "The SVG has " + found.getLength()
					+ " openbadges:credential elements; Open Badges 3.0 allows one.", problems);
		}
		Element credential = (Element) found.item(0);
		String body = credential.getTextContent() == null ? "" : credential.getTextContent().strip();
		String verify = credential.getAttribute("verify").strip();
		String content = !body.isEmpty() ? body : verify;
		if (content.isEmpty()) {
			return new Extracted(InputKind.SVG, null, "The openbadges:credential element is empty.", problems);
		}
		return new Extracted(InputKind.SVG, content, null, problems);
	}

	private static void activeContent(Element element, List<String> problems) {
		if ("script".equals(local(element)) || "foreignObject".equals(local(element))) {
			problems.add("The SVG contains a <" + local(element) + "> element.");
		}
		NamedNodeMap attributes = element.getAttributes();
		for (int i = 0; i < attributes.getLength(); i++) {
			Node attribute = attributes.item(i);
			String name = local(attribute).toLowerCase(Locale.ROOT);
			String value = attribute.getNodeValue() == null ? "" : attribute.getNodeValue().strip().toLowerCase(Locale.ROOT);
			if (name.startsWith("on")) {
				problems.add("The SVG has an event handler attribute (" + attribute.getNodeName() + ").");
			}
			if (name.equals("href") && value.startsWith("javascript:")) {
				problems.add("The SVG links to javascript:.");
			}
		}
		for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
			if (child instanceof Element nested && problems.size() < 20) {
				activeContent(nested, problems);
			}
		}
	}

	private static String local(Node node) {
		return node.getLocalName() != null ? node.getLocalName() : node.getNodeName();
	}

	private static DocumentBuilder parser() throws Exception {
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setNamespaceAware(true);
		factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
		factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
		factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
		factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
		factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
		factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
		factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
		factory.setAttribute("http://www.oracle.com/xml/jaxp/properties/maxElementDepth", String.valueOf(MAX_DEPTH));
		factory.setXIncludeAware(false);
		factory.setExpandEntityReferences(false);
		DocumentBuilder builder = factory.newDocumentBuilder();
		builder.setErrorHandler(null);
		return builder;
	}

}
