package org.sightline.api.suppression;

import java.util.List;
import java.util.Objects;

/**
 * One cell of a margin table within one release and period: an area and, for each characteristic
 * slot of the indicator in order, the id of a value or of the type's {@code total} value.
 */
public record CellKey(int areaId, List<Integer> valueIds) {

    public CellKey {
        Objects.requireNonNull(valueIds, "valueIds");
        valueIds = List.copyOf(valueIds);
    }

    /** The same cell with one slot replaced, e.g. by its type's total. */
    CellKey withValue(int slot, int valueId) {
        var ids = new java.util.ArrayList<>(valueIds);
        ids.set(slot, valueId);
        return new CellKey(areaId, ids);
    }
}
