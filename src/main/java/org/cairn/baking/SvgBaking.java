package org.cairn.baking;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.cairn.openbadges.Conventions;

/**
 * Bakes into SVG (baking spec, "SVGs"): {@code xmlns:openbadges} on the root element and, directly after it, one
 * {@code <openbadges:assertion verify="...">}: self-closing with the JWS for a signed badge, or with the hosted
 * assertion URL in {@code verify} and the assertion JSON in a CDATA body. An existing element is replaced.
 */
public final class SvgBaking {

	private static final Pattern EXISTING = Pattern.compile(
			"<openbadges:assertion\\b[^>]*?(/>|>.*?</openbadges:assertion>)\\s*", Pattern.DOTALL);

	private static final Pattern ROOT = Pattern.compile("<svg\\b[^>]*>", Pattern.DOTALL);

	private SvgBaking() {
	}

	public static String bakeSigned(String svg, String jws) {
		return bake(svg, "<" + Conventions.SVG_ELEMENT + " verify=\"" + attr(jws) + "\"/>");
	}

	public static String bakeHosted(String svg, String assertionUrl, String assertionJson) {
		return bake(svg, "<" + Conventions.SVG_ELEMENT + " verify=\"" + attr(assertionUrl) + "\"><![CDATA["
				+ assertionJson.replace("]]>", "]]]]><![CDATA[>") + "]]></" + Conventions.SVG_ELEMENT + ">");
	}

	private static String bake(String svg, String element) {
		String clean = EXISTING.matcher(svg).replaceAll("");
		Matcher root = ROOT.matcher(clean);
		if (!root.find()) {
			throw new IllegalArgumentException("no <svg> element");
		}
		String tag = root.group();
		if (!tag.contains("xmlns:openbadges=")) {
			String close = tag.endsWith("/>") ? "/>" : ">";
			tag = tag.substring(0, tag.length() - close.length()) + " xmlns:openbadges=\"" + Conventions.SVG_NAMESPACE
					+ "\"" + close;
		}
		return clean.substring(0, root.start()) + tag + "\n  " + element + clean.substring(root.end());
	}

	private static String attr(String value) {
		return value.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
	}

}
