package org.sightline.api.postcodes;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.sightline.api.database.TableStatistics;
import org.sightline.api.security.CurrentCaller;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/postcodes[?vintage=...]}: load an ONSPD or NSPL file as published (ADMIN);
 * 201 when a new vintage was loaded, 200 when the same file was the loaded vintage already.
 */
@RestController
class PostcodeDirectoryController {

    private final PostcodeDirectoryImporter importer;
    private final TableStatistics statistics;

    PostcodeDirectoryController(PostcodeDirectoryImporter importer, TableStatistics statistics) {
        this.importer = importer;
        this.statistics = statistics;
    }

    @PostMapping("/api/v1/postcodes")
    ResponseEntity<PostcodeDirectoryReport> load(@RequestParam(required = false) String vintage, HttpServletRequest request)
            throws IOException {
        // Streamed as it arrives: the directory is millions of rows.
        PostcodeDirectoryReport report = importer.load(request.getInputStream(), vintage, CurrentCaller.of(request));
        if (report.sectorsAdded() > 0) {
            statistics.refresh(TableStatistics.Tables.GEOGRAPHY);
        }
        return ResponseEntity.status(report.created() ? HttpStatus.CREATED : HttpStatus.OK).body(report);
    }
}
