package org.sightline.api.geography;

import java.util.List;

/**
 * What a geography import did: areas and links added (zero on a repeated import), the columns it
 * recognised or ignored, and every row it rejected with the line and the reason.
 */
public record GeographyImportReport(
        String format,
        int rowsRead,
        int areasAdded,
        int areasUnchanged,
        int linksAdded,
        int linksUnchanged,
        List<String> recognisedColumns,
        List<String> ignoredColumns,
        List<RejectedRow> rejectedRows) {

    /** A row that was not imported. {@code line} counts the header as line 1. */
    public record RejectedRow(long line, String reason) {
    }
}
