package org.cairn.earning;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.cairn.csv.CsvTable;

/** A downloaded CSV read back as a spreadsheet would, each row by its header's names ("" for an empty cell). */
final class Csv {

	private Csv() {
	}

	static List<Map<String, String>> parse(String text) {
		String firstLine = text.substring(0, text.indexOf('\r') < 0 ? text.length() : text.indexOf('\r'));
		List<String> names = List.of(firstLine.split(","));
		CsvTable table = CsvTable.parse(text, names);
		List<Map<String, String>> rows = new ArrayList<>();
		for (CsvTable.Row row : table.rows()) {
			Map<String, String> byName = new LinkedHashMap<>();
			for (int i = 0; i < table.header().size(); i++) {
				String value = row.cell(i);
				byName.put(table.header().get(i), value == null ? "" : value);
			}
			rows.add(byName);
		}
		return rows;
	}

}
