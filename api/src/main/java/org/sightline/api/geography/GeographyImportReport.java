package org.sightline.api.geography;

import java.util.List;

/**
 * What a geography import did: areas and links added (zero on a repeated import), the columns it
 * recognised or ignored, every row it rejected with the line and the reason, and the rows that
 * named a known area differently.
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
        List<RejectedRow> rejectedRows,
        List<NameDifference> nameDifferences) {

    /**
     * A row that names a known area differently (publishers' files disagree, e.g. a Welsh ward
     * spelt "Canolbarth Mon" in one lookup and with a mis-encoded circumflex in another). The
     * code identifies the area, so the row is imported and the name already known is kept.
     */
    public record NameDifference(long line, String code, String keptName, String nameInFile) {
    }

    /** A row that was not imported. {@code line} counts the header as line 1. */
    public record RejectedRow(long line, String reason) {
    }
}
