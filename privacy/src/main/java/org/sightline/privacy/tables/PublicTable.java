package org.sightline.privacy.tables;

import java.util.List;
import java.util.Objects;

/**
 * One measured table: every area of a geography level crossed with every combination of values of
 * a subset of the characteristic types (the other types totalled). One person falls in exactly one
 * cell, so its L2 sensitivity is 1.
 *
 * @param level the geography level
 * @param types the characteristic types broken down, strictly ascending; empty for area totals
 */
public record PublicTable(String level, List<Integer> types) {

    public PublicTable {
        if (level == null || level.isBlank()) {
            throw new IllegalArgumentException("table level must not be blank");
        }
        types = List.copyOf(Objects.requireNonNull(types, "types"));
        for (int i = 0; i < types.size(); i++) {
            if (types.get(i) < 0 || (i > 0 && types.get(i) <= types.get(i - 1))) {
                throw new IllegalArgumentException("table types must be distinct type indices in ascending order, were " + types);
            }
        }
    }

    int subsetMask() {
        int mask = 0;
        for (int type : types) {
            mask |= 1 << type;
        }
        return mask;
    }
}
