package org.sightline.client;

import java.util.List;

/**
 * A time series of one area (and characteristic combination): the points oldest first, the change
 * from the first to the last, and the recent trend in words ({@code classification}) and as a marker.
 */
public record Trend(Area area, List<CharacteristicValue> characteristics, List<Observation> points, Double change,
                    String classification, TrendClassification recentTrend) {
}
