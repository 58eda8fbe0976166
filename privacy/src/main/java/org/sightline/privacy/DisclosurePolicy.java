package org.sightline.privacy;

import java.util.List;

/**
 * Decides what a whole result table may reveal. It sees every cell at once because secondary
 * suppression and consistent noise depend on the margins a caller could also obtain.
 */
public interface DisclosurePolicy {

    /** @return one protected cell per input cell, in the same order */
    List<ProtectedCell> protect(List<TableCell> table);
}
