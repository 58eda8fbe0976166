package org.sightline.api.exports;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * CSV records parked in a temporary file while an export needs to see every row before it can
 * finish any (quintiles place each area among all of them), so memory never holds the rows.
 * The records are the caller's already-released rows; the file is deleted on {@link #close}.
 */
final class SpillFile implements AutoCloseable {

    private final Path path;
    private final CSVPrinter printer;
    private CSVParser parser;

    SpillFile() throws IOException {
        path = Files.createTempFile("sightline-export-", ".csv");
        BufferedWriter writer = Files.newBufferedWriter(path, StandardCharsets.UTF_8);
        printer = new CSVPrinter(writer, CSVFormat.RFC4180);
    }

    void add(List<?> record) throws IOException {
        printer.printRecord(record);
    }

    /** The records in the order they were added; call once, after the last {@link #add}. */
    Iterator<CSVRecord> records() throws IOException {
        printer.close();
        BufferedReader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8);
        parser = CSVParser.parse(reader, CSVFormat.RFC4180);
        return parser.iterator();
    }

    @Override
    public void close() throws IOException {
        try {
            printer.close();
            if (parser != null) {
                parser.close();
            }
        } finally {
            Files.deleteIfExists(path);
        }
    }
}
