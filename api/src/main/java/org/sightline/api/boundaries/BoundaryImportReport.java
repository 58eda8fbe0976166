package org.sightline.api.boundaries;

import java.util.List;

/**
 * What a boundary import did: boundaries stored for known areas, and every feature code that
 * matched no area (e.g. 2013 ward codes against 2019 lookups) or could not be read.
 *
 * @param codeProperty the feature property the area codes were read from, e.g. {@code WD13CD}
 */
public record BoundaryImportReport(String format, String codeProperty, int features, int matched, List<String> unmatchedCodes,
                                   List<String> invalidFeatures) {
}
