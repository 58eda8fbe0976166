package org.sightline.privacy.policy;

import java.util.ArrayList;
import java.util.List;
import org.sightline.privacy.Disclosure;
import org.sightline.privacy.DisclosurePolicy;
import org.sightline.privacy.ProtectedCell;
import org.sightline.privacy.TableCell;

/**
 * Primary suppression: counts from 1 to {@code threshold - 1} (and zero, if configured) are
 * withheld together with their denominators, so no rate built on them can be shown.
 */
public final class ThresholdSuppression implements DisclosurePolicy {

    public static final String MECHANISM = "threshold-suppression";

    private final int threshold;
    private final boolean suppressZeros;

    public ThresholdSuppression(int threshold, boolean suppressZeros) {
        if (threshold < 1) {
            throw new IllegalArgumentException("suppression threshold must be at least 1, was " + threshold);
        }
        this.threshold = threshold;
        this.suppressZeros = suppressZeros;
    }

    public boolean isSmall(Long count) {
        return count != null && count < threshold && (count > 0 || suppressZeros);
    }

    @Override
    public List<ProtectedCell> protect(List<TableCell> table) {
        List<ProtectedCell> result = new ArrayList<>(table.size());
        for (TableCell cell : table) {
            if (isSmall(cell.count())) {
                result.add(new ProtectedCell(null, null, Disclosure.suppressed(
                        "fewer than " + threshold + ": small numbers are withheld", MECHANISM)));
            } else {
                result.add(new ProtectedCell(cell.count(), cell.denominator(), Disclosure.EXACT));
            }
        }
        return result;
    }
}
