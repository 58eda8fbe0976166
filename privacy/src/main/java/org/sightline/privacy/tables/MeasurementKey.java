package org.sightline.privacy.tables;

import java.util.Objects;

/**
 * What one noisy measurement is of: one cell of one table for one area. The noise source must give
 * the same draw for the same key (within a release) and independent draws for different keys.
 *
 * @param table the table measured
 * @param nodeCode the area's code
 * @param cell the cube cell, with a value exactly on the table's types
 */
public record MeasurementKey(PublicTable table, String nodeCode, CubeCombination cell) {

    /** Version of {@link #canonicalForm()}; changing the form changes every draw keyed by it. */
    public static final String VERSION = "sightline/public-tables/v1";

    public MeasurementKey {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(cell, "cell");
        if (nodeCode == null || nodeCode.isBlank()) {
            throw new IllegalArgumentException("node code must not be blank");
        }
        if (cell.subsetMask() != table.subsetMask()) {
            throw new IllegalArgumentException("cell " + cell + " does not belong to a table of types " + table.types());
        }
    }

    /**
     * An unambiguous text form for keying consistent noise, e.g. as the single base cell key of a
     * {@link org.sightline.privacy.noise.CellIdentity}: the version, then level, node code and
     * cell values, each string preceded by its length, so no two keys share a form by moving a
     * separator. (The table's types are implied by which cell values are not {@code *}.)
     */
    public String canonicalForm() {
        StringBuilder text = new StringBuilder(VERSION);
        text.append(';').append(table.level().length()).append(':').append(table.level());
        text.append(';').append(nodeCode.length()).append(':').append(nodeCode);
        text.append(';');
        for (int t = 0; t < cell.typeCount(); t++) {
            text.append(t == 0 ? "" : ",").append(cell.isTotal(t) ? "*" : Integer.toString(cell.value(t)));
        }
        return text.toString();
    }
}
