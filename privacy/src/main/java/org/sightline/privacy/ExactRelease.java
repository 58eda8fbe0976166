package org.sightline.privacy;

import java.util.List;

/** Releases every value unchanged: for OPEN data and for callers entitled to exact values. */
public final class ExactRelease implements DisclosurePolicy {

    @Override
    public List<ProtectedCell> protect(List<TableCell> table) {
        return table.stream()
                .map(cell -> new ProtectedCell(cell.count(), cell.denominator(), Disclosure.EXACT))
                .toList();
    }
}
