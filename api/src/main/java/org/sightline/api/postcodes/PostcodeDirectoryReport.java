package org.sightline.api.postcodes;

import java.util.List;

/**
 * What loading a postcode directory did.
 *
 * @param created        false when the same file was the vintage loaded already (nothing changed)
 * @param format         ONSPD or NSPL, recognised from the header
 * @param vintage        the vintage now loaded
 * @param vintageFrom    PARAMETER ({@code ?vintage=}) or DOINTR (the latest month a postcode was introduced)
 * @param lsoaColumn     the LSOA column used ({@code lsoa21} when the file has it)
 * @param rowsRead       data rows in the file
 * @param loaded         postcodes in the directory now
 * @param terminated     of those, postcodes with a termination date (they still map, flagged)
 * @param rejected       rows not loaded, each listed (up to the first 1,000) with line and reason
 * @param sectors        postcode sectors the directory's postcodes lie in
 * @param sectorsAdded   sectors new to Sightline's geography (areas of type postcode_sector)
 * @param ignoredColumns columns of the file the directory does not use
 */
public record PostcodeDirectoryReport(boolean created, String format, String vintage, String vintageFrom, String lsoaColumn,
                                      long rowsRead, long loaded, long terminated, long rejected, List<Rejection> rejections,
                                      int sectors, int sectorsAdded, List<String> ignoredColumns) {

    /** A row that was not loaded: its line (the header is line 1) and why. */
    public record Rejection(long line, String reason) {
    }
}
