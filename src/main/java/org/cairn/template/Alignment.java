package org.cairn.template;

/**
 * An alignment to a standard or framework component, field for field what Open Badges 2.0 calls an
 * AlignmentObject. {@code targetFramework} names the framework (e.g. "Danielson Framework for Teaching"),
 * {@code targetCode} its code (e.g. "2a", "LF2011.DATA", "CLUSTER-2").
 */
public record Alignment(String targetName, String targetUrl, String targetDescription, String targetFramework,
		String targetCode) {
}
