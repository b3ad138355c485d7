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

	private static final Pattern EXISTING_V3 = Pattern.compile(
			"<openbadges:credential\\b[^>]*?(/>|>.*?</openbadges:credential>)\\s*", Pattern.DOTALL);

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

	/**
	 * The Open Badges 3.0 credential with its embedded proof (OB 3.0 "Baked Badge", SVG): {@code xmlns:openbadges}
	 * {@code https://purl.imsglobal.org/ob/v3p0} on the root and, directly after it, one
	 * {@code <openbadges:credential>} with the credential JSON in a CDATA body. Any 2.0 element is removed: the
	 * prefix names the 3.0 namespace in this file.
	 */
	public static String bakeCredential(String svg, String credentialJson) {
		String clean = EXISTING.matcher(EXISTING_V3.matcher(svg).replaceAll("")).replaceAll("");
		return bake(clean, "<" + Conventions.SVG_ELEMENT_V3 + "><![CDATA["
				+ credentialJson.replace("]]>", "]]]]><![CDATA[>") + "]]></" + Conventions.SVG_ELEMENT_V3 + ">",
				Conventions.SVG_NAMESPACE_V3);
	}

	private static String bake(String svg, String element) {
		return bake(EXISTING.matcher(svg).replaceAll(""), element, Conventions.SVG_NAMESPACE);
	}

	private static String bake(String clean, String element, String namespace) {
		Matcher root = ROOT.matcher(clean);
		if (!root.find()) {
			throw new IllegalArgumentException("no <svg> element");
		}
		String tag = root.group();
		if (tag.contains("xmlns:openbadges=")) {
			// one prefix, one namespace: 2.0 and 3.0 name different ones
			tag = tag.replaceAll("xmlns:openbadges\\s*=\\s*(\"[^\"]*\"|'[^']*')",
					Matcher.quoteReplacement("xmlns:openbadges=\"" + namespace + "\""));
		}
		else {
			String close = tag.endsWith("/>") ? "/>" : ">";
			tag = tag.substring(0, tag.length() - close.length()) + " xmlns:openbadges=\"" + namespace + "\"" + close;
		}
		return clean.substring(0, root.start()) + tag + "\n  " + element + clean.substring(root.end());
	}

	private static String attr(String value) {
		return value.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
	}

}
