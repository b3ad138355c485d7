package org.cairn.csv;

/** Writing CSV that opens safely in a spreadsheet. */
public final class CsvField {

	private CsvField() {
	}

	/**
	 * One field: quoted when it holds a comma, quote or line break, and prefixed with {@code '} when it starts like
	 * a spreadsheet formula ({@code = + - @}, tab, carriage return) so opening the export runs nothing.
	 */
	public static String escape(String value) {
		if (value == null) {
			return "";
		}
		String v = value;
		if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
			v = "'" + v;
		}
		if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r") || !v.equals(value)) {
			return "\"" + v.replace("\"", "\"\"") + "\"";
		}
		return v;
	}

}
