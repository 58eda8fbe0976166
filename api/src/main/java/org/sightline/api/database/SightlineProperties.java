package org.sightline.api.database;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Sightline's own settings.
 *
 * @param home where the embedded database keeps its files ({@code SIGHTLINE_HOME}, default ~/.sightline)
 * @param demo whether to load the generated demo data set into an empty database on start
 */
@ConfigurationProperties("sightline")
public record SightlineProperties(Path home, boolean demo) {

    public SightlineProperties {
        if (home == null) {
            home = Path.of(System.getProperty("user.home"), ".sightline");
        }
    }
}
