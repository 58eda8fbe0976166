package org.sightline.api.exports;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Export settings ({@code sightline.exports.*}).
 *
 * @param areasPerChunk how many areas an export answers at a time (default 100): memory holds one
 *                      chunk's rows, and each chunk is one question, so it must stay under
 *                      {@code sightline.privacy.max-cells-per-query} (areas x periods x breakdown
 *                      combinations)
 */
@ConfigurationProperties("sightline.exports")
public record ExportSettings(Integer areasPerChunk) {

    public ExportSettings {
        areasPerChunk = areasPerChunk == null ? 100 : areasPerChunk;
        if (areasPerChunk < 1) {
            throw new IllegalArgumentException("sightline.exports.areas-per-chunk must be at least 1, not " + areasPerChunk);
        }
    }
}
