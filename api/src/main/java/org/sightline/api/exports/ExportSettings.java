package org.sightline.api.exports;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Export settings ({@code sightline.exports.*}).
 *
 * @param areasPerChunk how many areas an export answers at a time (default 500): memory holds one
 *                      chunk's rows, and each chunk is one question, so it must stay under
 *                      {@code sightline.privacy.max-cells-per-query} (areas x periods x breakdown
 *                      combinations)
 * @param maxCells      the most rows one export may have (default 1,000,000, about what a
 *                      spreadsheet opens), checked before anything is answered
 */
@ConfigurationProperties("sightline.exports")
public record ExportSettings(Integer areasPerChunk, Long maxCells) {

    public ExportSettings {
        areasPerChunk = areasPerChunk == null ? 500 : areasPerChunk;
        maxCells = maxCells == null ? 1_000_000L : maxCells;
        if (areasPerChunk < 1) {
            throw new IllegalArgumentException("sightline.exports.areas-per-chunk must be at least 1, not " + areasPerChunk);
        }
    }
}
