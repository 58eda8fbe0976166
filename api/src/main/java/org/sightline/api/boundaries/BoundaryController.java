package org.sightline.api.boundaries;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/boundaries}: load a GeoJSON or TopoJSON boundary file (ADMIN). */
@RestController
class BoundaryController {

    private final BoundaryImporter importer;

    BoundaryController(BoundaryImporter importer) {
        this.importer = importer;
    }

    @PostMapping("/api/v1/boundaries")
    BoundaryImportReport importBoundaries(@RequestBody byte[] file,
                                          @RequestHeader(name = "X-File-Name", required = false) String fileName) {
        return importer.importFile(file, fileName);
    }
}
