package org.sightline.bench.scale;

import java.util.List;
import java.util.Map;

/**
 * One generated indicator of the scale data set: its definition as the server's indicator
 * endpoint takes it, its characteristic types (in column order), its periods, and the mean count
 * of one LSOA cell.
 *
 * @param meanPerCell the expected count of one LSOA x characteristic combination cell
 */
record ScaleIndicator(String id, String title, String disclosureClass, List<String> characteristicTypes, List<String> periods,
                      double meanPerCell) {

    /** The JSON body of {@code POST /api/v1/indicators}. */
    Map<String, Object> definition() {
        return Map.ofEntries(Map.entry("id", id), Map.entry("title", title),
                Map.entry("definition", "Generated for the England-scale benchmark (not real data)."), Map.entry("unit", "people"),
                Map.entry("measureType", "ADDITIVE_COUNT"), Map.entry("multiplier", 1), Map.entry("polarity", "NO_JUDGEMENT"),
                Map.entry("disclosureClass", disclosureClass), Map.entry("source", "Sightline scale data set (generated)"),
                Map.entry("licence", "OGL v3.0"), Map.entry("characteristicTypes", characteristicTypes));
    }
}
