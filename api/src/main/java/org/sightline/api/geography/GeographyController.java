package org.sightline.api.geography;

import java.io.IOException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/geography}: load an ONS lookup CSV, a generic area CSV or MSOA names JSON. */
@RestController
class GeographyController {

    private final GeographyImporter importer;

    GeographyController(GeographyImporter importer) {
        this.importer = importer;
    }

    @PostMapping(path = "/api/v1/geography")
    GeographyImportReport importGeography(@RequestBody byte[] file) throws IOException {
        return importer.importFile(file);
    }
}
