package org.sightline.api.intake;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.sightline.api.database.TableStatistics;
import org.sightline.api.security.CurrentCaller;
import org.sightline.domain.access.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /api/v1/record-intakes}: define an intake (STEWARD for its organisation, or ADMIN;
 * 201 created, 200 identical re-send, 409 conflict). {@code POST /api/v1/record-intakes/{id}/records}:
 * upload a record file (201 with the report; 200 when the identical file was accepted before;
 * 422 when a local code is unmapped or nothing could be counted).
 */
@RestController
class RecordIntakeController {

    private final RecordIntakeService service;
    private final TableStatistics statistics;
    private final JsonMapper json;

    RecordIntakeController(RecordIntakeService service, TableStatistics statistics, JsonMapper json) {
        this.service = service;
        this.statistics = statistics;
        this.json = json;
    }

    @PostMapping("/api/v1/record-intakes")
    ResponseEntity<RecordIntakeService.Defined> define(HttpServletRequest request) throws IOException {
        Caller caller = CurrentCaller.of(request);
        // Refused before the body is read.
        RecordIntakeService.checkMayDefine(caller);
        IntakeDefinition definition;
        try {
            definition = json.readValue(request.getInputStream(), IntakeDefinition.class);
        } catch (JacksonException e) {
            Throwable cause = e.getCause() instanceof IllegalArgumentException ? e.getCause() : e;
            throw new IllegalArgumentException("the intake definition could not be read: " + cause.getMessage());
        }
        if (definition == null) {
            throw new IllegalArgumentException("the intake definition must be a JSON object");
        }
        RecordIntakeService.Defined defined = service.define(definition, caller);
        return ResponseEntity.status(defined.created() ? HttpStatus.CREATED : HttpStatus.OK).body(defined);
    }

    @PostMapping("/api/v1/record-intakes/{id}/records")
    ResponseEntity<IntakeReport> upload(@PathVariable String id, HttpServletRequest request) throws IOException {
        Caller caller = CurrentCaller.of(request);
        RecordIntakeService.checkMayUpload(caller);
        // Streamed as it arrives: a record file can be millions of rows, and is never held whole.
        IntakeReport report = service.upload(id, request.getInputStream(), caller);
        if (report.created()) {
            statistics.refresh(TableStatistics.Tables.OBSERVATIONS);
        }
        return ResponseEntity.status(report.created() ? HttpStatus.CREATED : HttpStatus.OK).body(report);
    }
}
