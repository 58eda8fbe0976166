package org.sightline.cli;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;

/** Numbers, sizes and CSV cells for people and spreadsheets. */
final class Text {

    /** JSON for people: indented, dates as ISO-8601 text. */
    static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder()
            .enable(tools.jackson.databind.SerializationFeature.INDENT_OUTPUT).build();

    private Text() {
    }

    /** A number for a table: whole numbers with thousands separators, others with two decimals; "-" when withheld. */
    static String number(Double value) {
        if (value == null) {
            return "-";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return String.format(Locale.UK, "%,d", value.longValue());
        }
        return String.format(Locale.UK, "%,.2f", value);
    }

    /** A number for a table, blank when there is none (a count's denominator). */
    static String numberOrBlank(Double value) {
        return value == null ? "" : number(value);
    }

    /** Text cut to {@code max} characters, with "..." when cut. */
    static String shorten(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 3).stripTrailing() + "...";
    }

    /** A number for CSV: as precise as the server gave it, without an exponent; empty when withheld. */
    static String plain(Double value) {
        if (value == null) {
            return "";
        }
        BigDecimal exact = new BigDecimal(Double.toString(value)).stripTrailingZeros();
        return exact.scale() < 0 ? exact.setScale(0, RoundingMode.UNNECESSARY).toPlainString() : exact.toPlainString();
    }

    static String count(long n) {
        return String.format(Locale.UK, "%,d", n);
    }

    static String bytes(long n) {
        if (n < 1024) {
            return n + " B";
        }
        if (n < 1024 * 1024) {
            return String.format(Locale.UK, "%.1f KB", n / 1024.0);
        }
        if (n < 1024L * 1024 * 1024) {
            return String.format(Locale.UK, "%.1f MB", n / (1024.0 * 1024));
        }
        return String.format(Locale.UK, "%.2f GB", n / (1024.0 * 1024 * 1024));
    }

    /** One CSV line (RFC 4180): cells quoted when they hold a comma, quote or line break. */
    static String csvLine(List<String> cells) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i) == null ? "" : cells.get(i);
            if (i > 0) {
                line.append(',');
            }
            if (cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")) {
                line.append('"').append(cell.replace("\"", "\"\"")).append('"');
            } else {
                line.append(cell);
            }
        }
        return line.toString();
    }
}
