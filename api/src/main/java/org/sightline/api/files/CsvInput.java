package org.sightline.api.files;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;

/**
 * Opens CSV files the way UK publishers ship them: UTF-8, possibly with a byte-order mark, a
 * header row, quoted fields, blank cells, CRLF or LF line ends.
 */
public final class CsvInput {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setIgnoreSurroundingSpaces(true)
            .setIgnoreEmptyLines(true)
            .setAllowMissingColumnNames(true)
            .setAllowDuplicateHeaderNames(false)
            .get();

    private CsvInput() {
    }

    /** A parser positioned after the header; record numbers start at 1 for the first data row. */
    public static CSVParser parse(InputStream input) throws IOException {
        return CSVParser.builder().setReader(withoutByteOrderMark(input)).setFormat(FORMAT).get();
    }

    /** The line a data record starts on in a file whose header is line 1 (no multi-line cells before it). */
    public static long lineOf(org.apache.commons.csv.CSVRecord record) {
        return record.getRecordNumber() + 1;
    }

    /**
     * Why a record whose {@link org.apache.commons.csv.CSVRecord#isConsistent() cell count differs
     * from the header's} cannot be read: a cell too many or too few shifts every column after it.
     */
    public static String cellCountProblem(org.apache.commons.csv.CSVRecord record) {
        return "the row has " + record.size() + " cells but the header has " + record.getParser().getHeaderNames().size()
                + "; every row needs exactly one cell per column (quote a cell that contains a comma)";
    }

    static Reader withoutByteOrderMark(InputStream input) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(input, StandardCharsets.UTF_8));
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
        return reader;
    }
}
