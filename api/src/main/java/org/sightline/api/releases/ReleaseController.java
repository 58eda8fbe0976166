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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/indicators/{id}/releases}: publish a tidy CSV of observations
 * (201 created; 200 when the identical file was released before; 422 with every problem otherwise).
 * Optional parameters record provenance: {@code agreement} (the code of the data sharing agreement
 * the data is shared under), {@code corrects} (the id of the release this file corrects) with
 * {@code reason} (why; required with {@code corrects}) and {@code method} (how the cells were made).
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
                                           @RequestParam(required = false) String agreement,
                                           @RequestParam(required = false) String corrects,
                                           @RequestParam(required = false) String reason,
                                           @RequestParam(required = false) String method,
                                           HttpServletRequest request) throws IOException {
        Caller caller = CurrentCaller.of(request);
        if (fileName != null && fileName.length() > 300) {
            throw new IllegalArgumentException("X-File-Name is limited to 300 characters");
        }
        Provenance provenance = provenance(agreement, corrects, reason, method);
        // The body is read as it arrives (a release can be millions of rows), never held whole.
        ReleaseReceipt receipt = importer.importRelease(id, request.getInputStream(), fileName, caller, provenance);
        if (receipt.created()) {
            statistics.refresh(TableStatistics.Tables.OBSERVATIONS);
        }
        return ResponseEntity.status(receipt.created() ? HttpStatus.CREATED : HttpStatus.OK).body(receipt);
    }

    private static Provenance provenance(String agreement, String corrects, String reason, String method) {
        Long corrected = null;
        if (corrects != null) {
            try {
                corrected = Long.parseLong(corrects.strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("corrects must be the id of a release (a whole number)");
            }
            if (reason == null || reason.isBlank()) {
                throw new IllegalArgumentException("a correction needs a reason: say what was wrong with release " + corrected);
            }
        } else if (reason != null) {
            throw new IllegalArgumentException("reason is only for corrections; name the corrected release with corrects");
        }
        String how = method == null || method.isBlank() ? Provenance.UPLOAD.method() : method.strip();
        if (how.length() > 500 || (reason != null && reason.length() > 2000)) {
            throw new IllegalArgumentException("method is limited to 500 characters and reason to 2000");
        }
        return new Provenance(how, agreement == null || agreement.isBlank() ? null : agreement.strip(), corrected,
                reason == null ? null : reason.strip());
    }
}
