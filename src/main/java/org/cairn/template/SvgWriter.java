package org.cairn.template;

/** Writes a cleaned {@link SvgNode} tree back out as SVG text, every value escaped. */
final class SvgWriter {

	private SvgWriter() {
	}

	static void write(SvgNode node, StringBuilder out, boolean root) {
		out.append('<').append(node.name);
		if (root) {
			out.append(" xmlns=\"").append(SvgSanitizer.SVG_NS).append("\" xmlns:xlink=\"").append(SvgSanitizer.XLINK_NS).append('"');
		}
		node.attributes.forEach((name, value) -> out.append(' ')
			.append("href".equals(name) ? "xlink:href" : name)
			.append("=\"")
			.append(escape(value, true))
			.append('"'));
		if (node.children.isEmpty()) {
			out.append("/>");
			return;
		}
		out.append('>');
		for (Object child : node.children) {
			if (child instanceof SvgNode element) {
				write(element, out, false);
			}
			else {
				out.append(escape((String) child, false));
			}
		}
		out.append("</").append(node.name).append('>');
	}

	private static String escape(String text, boolean attribute) {
		StringBuilder out = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '&' -> out.append("&amp;");
				case '<' -> out.append("&lt;");
				case '>' -> out.append("&gt;");
				case '"' -> out.append(attribute ? "&quot;" : "\"");
				case '\n', '\r', '\t' -> out.append(attribute ? "&#" + (int) c + ";" : String.valueOf(c));
				default -> {
					if (c >= 0x20 || c == 0x09) {
						out.append(c);
					}
				}
			}
		}
		return out.toString();
	}

}
