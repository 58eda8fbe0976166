package org.sightline.client;

/** How {@code compare} places an area beside its benchmark (see the schema's ComparisonMethod). A value a newer server adds reads as {@code null}. */
public enum ComparisonMethod {
    CI_OVERLAP_95, CI_OVERLAP_99_8, QUINTILES
}
