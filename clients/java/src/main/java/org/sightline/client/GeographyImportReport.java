package org.sightline.client;

import java.util.List;

/**
 * What a geography import did: areas and links added (zero when loaded before), the columns it used
 * and ignored, every row it rejected with its line and reason, and rows naming a known area differently.
 */
public record GeographyImportReport(String format, int rowsRead, int areasAdded, int areasUnchanged, int linksAdded,
                                    int linksUnchanged, List<String> recognisedColumns, List<String> ignoredColumns,
                                    List<FileError> rejectedRows, List<NameDifference> nameDifferences) {

    /** A row that named a known area differently; the name already known was kept. */
    public record NameDifference(long line, String code, String keptName, String nameInFile) {
    }
}
