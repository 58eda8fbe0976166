package org.sightline.api.geography;

import java.io.IOException;
import org.sightline.api.database.TableStatistics;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/geography}: load an ONS lookup CSV, a generic area CSV or MSOA names JSON. */
@RestController
class GeographyController {

    private final GeographyImporter importer;
    private final TableStatistics statistics;

    GeographyController(GeographyImporter importer, TableStatistics statistics) {
        this.importer = importer;
        this.statistics = statistics;
    }

    @PostMapping(path = "/api/v1/geography")
    GeographyImportReport importGeography(@RequestBody byte[] file) throws IOException {
        GeographyImportReport report = importer.importFile(file);
        if (report.areasAdded() > 0 || report.linksAdded() > 0) {
            statistics.refresh(TableStatistics.Tables.GEOGRAPHY);
        }
        return report;
    }
}
