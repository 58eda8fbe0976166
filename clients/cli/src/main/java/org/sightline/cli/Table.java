package org.sightline.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** A plain text table: columns as wide as their widest cell, the columns named in {@link #alignRight} aligned right. */
final class Table {

    private final List<String> headers;
    private final java.util.Set<String> right = new java.util.HashSet<>();
    private final List<List<String>> rows = new ArrayList<>();

    Table(List<String> headers) {
        this.headers = List.copyOf(headers);
    }

    /** Aligns these columns (numbers) to the right. */
    Table alignRight(String... columns) {
        right.addAll(List.of(columns));
        return this;
    }

    Table add(List<String> row) {
        rows.add(row.stream().map(cell -> cell == null ? "" : cell).toList());
        return this;
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    void print(PrintStream out) {
        int columns = headers.size();
        int[] widths = new int[columns];
        boolean[] numeric = new boolean[columns];
        for (int c = 0; c < columns; c++) {
            widths[c] = headers.get(c).length();
            numeric[c] = right.contains(headers.get(c));
            for (List<String> row : rows) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        }
        out.println(line(headers, widths, numeric));
        StringBuilder rule = new StringBuilder();
        for (int c = 0; c < columns; c++) {
            rule.append(c == 0 ? "" : "  ").append("-".repeat(widths[c]));
        }
        out.println(rule);
        for (List<String> row : rows) {
            out.println(line(row, widths, numeric));
        }
    }

    private static String line(List<String> cells, int[] widths, boolean[] numeric) {
        StringBuilder text = new StringBuilder();
        for (int c = 0; c < widths.length; c++) {
            String cell = cells.get(c);
            String pad = " ".repeat(widths[c] - cell.length());
            text.append(c == 0 ? "" : "  ").append(numeric[c] ? pad + cell : cell + (c == widths.length - 1 ? "" : pad));
        }
        return text.toString().stripTrailing();
    }
}
