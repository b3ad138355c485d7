package org.cairn.csv;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.cairn.problem.ProblemException;


/**
 * An uploaded CSV file read into rows. Quoted cells may hold commas, doubled quotes and line breaks (as Excel and
 * Google Sheets write them); a UTF-8 byte order mark is ignored; blank lines are skipped.
 *
 * @param header the column names of the first row, lower-cased, or empty when the file has no header row
 * @param rows the data rows, each numbered as the spreadsheet numbers it (the header is row 1)
 */
public record CsvTable(List<String> header, List<Row> rows) {

	public CsvTable {
		header = List.copyOf(header);
		rows = List.copyOf(rows);
	}

	/**
	 * One data row.
	 *
	 * @param number the row number a person sees in their spreadsheet
	 */
	public record Row(int number, List<String> cells) {

		public Row {
			cells = List.copyOf(cells);
		}

		/** The trimmed cell at the index, or null when the row is shorter or the cell is blank. */
		public String cell(int index) {
			if (index < 0 || index >= cells.size()) {
				return null;
			}
			String value = cells.get(index).strip();
			return value.isEmpty() ? null : value;
		}

	}

	/**
	 * Reads the text. The first row is a header when one of its cells is one of {@code headerNames} (compared
	 * case-insensitively); otherwise every row is data.
	 *
	 * @throws ProblemException (400) when a quoted cell is never closed, naming the row where it starts
	 */
	public static CsvTable parse(String text, List<String> headerNames) {
		String input = text.startsWith("\uFEFF") ? text.substring(1) : text;
		List<Row> all = new ArrayList<>();
		List<String> cells = new ArrayList<>();
		StringBuilder cell = new StringBuilder();
		boolean quoted = false;
		int line = 1; // the spreadsheet row, not the line of text
		int rowStart = 1;
		int quoteStart = 0;
		for (int i = 0; i < input.length(); i++) {
			char c = input.charAt(i);
			if (quoted) {
				if (c == '"') {
					if (i + 1 < input.length() && input.charAt(i + 1) == '"') {
						cell.append('"');
						i++;
					}
					else {
						quoted = false;
					}
				}
				else {
					// a line break inside quotes stays in the cell: a spreadsheet shows it as one row
					cell.append(c);
				}
			}
			else if (c == '"' && cell.toString().isBlank()) {
				cell.setLength(0);
				quoted = true;
				quoteStart = line;
			}
			else if (c == ',') {
				cells.add(cell.toString());
				cell.setLength(0);
			}
			else if (c == '\n' || c == '\r') {
				if (c == '\r' && i + 1 < input.length() && input.charAt(i + 1) == '\n') {
					i++;
				}
				cells.add(cell.toString());
				cell.setLength(0);
				add(all, rowStart, cells);
				cells = new ArrayList<>();
				line++;
				rowStart = line;
			}
			else {
				cell.append(c);
			}
		}
		if (quoted) {
			throw ProblemException.of(CsvProblem.CSV_UNREADABLE, "csv-unreadable", quoteStart)
				.with("rows", List.of(new RowProblem(quoteStart, "A quotation mark is never closed.")));
		}
		cells.add(cell.toString());
		add(all, rowStart, cells);
		if (all.isEmpty()) {
			return new CsvTable(List.of(), List.of());
		}
		List<String> first = all.get(0).cells().stream().map(s -> s.strip().toLowerCase(Locale.ROOT)).toList();
		boolean hasHeader = first.stream().anyMatch(name -> headerNames.stream().anyMatch(name::equalsIgnoreCase));
		return hasHeader ? new CsvTable(first, all.subList(1, all.size())) : new CsvTable(List.of(), all);
	}

	private static void add(List<Row> rows, int number, List<String> cells) {
		if (cells.stream().anyMatch(c -> !c.isBlank())) {
			rows.add(new Row(number, cells));
		}
	}

	/**
	 * Where each column is: the header cell matching one of the names of each column, or, without a header row,
	 * the position of the column in {@code names} (an ordered map, in the order columns are expected).
	 */
	public Map<String, Integer> columns(Map<String, List<String>> names) {
		Map<String, Integer> positions = new HashMap<>();
		int position = 0;
		for (Map.Entry<String, List<String>> column : names.entrySet()) {
			if (header.isEmpty()) {
				positions.put(column.getKey(), position++);
			}
			else {
				column.getValue().stream().map(header::indexOf).filter(i -> i >= 0).findFirst()
					.ifPresent(i -> positions.put(column.getKey(), i));
			}
		}
		return positions;
	}

	/** What is wrong with one row, in words its author understands. */
	public record RowProblem(int row, String message) {
	}

	/**
	 * The 422 listing every bad row (the first {@code limit}), each as "Row n: ..." in {@code detail} order, so a
	 * person fixes them all in one pass.
	 */
	public static ProblemException invalidRows(List<RowProblem> problems, int limit, String nothingDone) {
		List<RowProblem> shown = problems.subList(0, Math.min(limit, problems.size()));
		String detail = (problems.size() == 1 ? "Row " + problems.get(0).row() + ": " + problems.get(0).message()
				: problems.size() + " rows have problems.") + " " + nothingDone;
		return ProblemException.of(CsvProblem.CSV_INVALID_ROWS, "csv-invalid-rows", detail)
			.with("rows", shown)
			.with("errors", shown.stream()
				.map(p -> new ProblemException.FieldProblem("row " + p.row(), "Row " + p.row() + ": " + p.message()))
				.toList())
			.with("rowsWithProblems", problems.size());
	}

	/** A cell quoted back to its author in a message: one line, at most 60 characters. */
	public static String quote(String cell) {
		String flat = cell == null ? "" : cell.replaceAll("\\s+", " ").strip();
		return "\"" + (flat.length() > 60 ? flat.substring(0, 57) + "..." : flat) + "\"";
	}

	/** The value a header names, for callers that accept an optional column. */
	public static Optional<String> cell(Row row, Map<String, Integer> columns, String column) {
		Integer index = columns.get(column);
		return index == null ? Optional.empty() : Optional.ofNullable(row.cell(index));
	}

}
