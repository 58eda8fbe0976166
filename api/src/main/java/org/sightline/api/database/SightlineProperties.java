package org.sightline.api.database;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Sightline's own settings.
 *
 * @param home where the embedded database keeps its files ({@code SIGHTLINE_HOME}, default ~/.sightline)
 * @param demo whether to load the generated demo data set on start; when not set, it is loaded on
 *             the embedded database only, so a real deployment never gets demo data (or, later,
 *             demo credentials) by accident
 */
@ConfigurationProperties("sightline")
public record SightlineProperties(Path home, Boolean demo) {

    public SightlineProperties {
        if (home == null) {
            home = Path.of(System.getProperty("user.home"), ".sightline");
        }
    }
}
