package org.sightline.privacy.suppression;

import java.util.Comparator;

/**
 * The order in which published cells are offered up as complements, best first: cells with a
 * non-zero count (a hidden true zero protects little, since zeros are easy to guess), then
 * interior cells before margins (totals are what most readers look at), then the smallest count
 * (least information lost), then key order so that ties always break the same way.
 */
final class ComplementPreference {

    private ComplementPreference() {
    }

    static Comparator<Integer> over(IndexedTable table) {
        return Comparator.<Integer, Boolean>comparing(cell -> table.counts[cell] == 0)
                .thenComparing(cell -> table.isTotal[cell])
                .thenComparingLong(cell -> table.counts[cell])
                .thenComparing(cell -> table.keys[cell]);
    }
}
