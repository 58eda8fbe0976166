package org.sightline.api.releases;

import org.sightline.api.database.TableStatistics;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.sightline.api.security.CurrentCaller;
import org.sightline.domain.access.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/indicators/{id}/releases}: publish a tidy CSV of observations
 * (201 created; 200 when the identical file was released before; 422 with every problem otherwise).
 */
@RestController
class ReleaseController {

    private final ReleaseImporter importer;
    private final TableStatistics statistics;

    ReleaseController(ReleaseImporter importer, TableStatistics statistics) {
        this.importer = importer;
        this.statistics = statistics;
    }

    @PostMapping("/api/v1/indicators/{id}/releases")
    ResponseEntity<ReleaseReceipt> release(@PathVariable String id,
                                           @RequestHeader(name = "X-File-Name", required = false) String fileName,
                                           HttpServletRequest request) throws IOException {
        Caller caller = CurrentCaller.of(request);
        // The body is read as it arrives (a release can be millions of rows), never held whole.
        ReleaseReceipt receipt = importer.importRelease(id, request.getInputStream(), fileName, caller);
        if (receipt.created()) {
            statistics.refresh(TableStatistics.Tables.OBSERVATIONS);
        }
        return ResponseEntity.status(receipt.created() ? HttpStatus.CREATED : HttpStatus.OK).body(receipt);
    }
}
