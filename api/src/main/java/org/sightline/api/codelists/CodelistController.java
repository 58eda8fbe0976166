package org.sightline.api.codelists;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.sightline.api.security.CurrentCaller;
import org.sightline.api.versions.DataVersion;
import org.sightline.api.web.ForbiddenException;
import org.sightline.domain.access.Caller;
import org.sightline.domain.access.Role;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/codelists} (ADMIN): publish a standard codelist or its next version;
 * {@code POST /api/v1/codelists/{type}/mappings} (STEWARD for its organisation, ADMIN for any):
 * map local codes to the codelist's standard codes.
 */
@RestController
class CodelistController {

    private final Codelists codelists;
    private final CodeMappingImporter mappings;
    private final DataVersion dataVersion;

    CodelistController(Codelists codelists, CodeMappingImporter mappings, DataVersion dataVersion) {
        this.codelists = codelists;
        this.mappings = mappings;
        this.dataVersion = dataVersion;
    }

    @PostMapping("/api/v1/codelists")
    @Transactional
    public ResponseEntity<Codelists.Codelist> publish(@RequestBody CodelistDefinition definition, HttpServletRequest request) {
        Caller caller = CurrentCaller.of(request);
        if (caller.role() != Role.ADMIN) {
            throw new ForbiddenException("only an ADMIN publishes standard codelists");
        }
        Codelists.Revision revision = codelists.publish(definition, caller.id());
        if (revision.changed()) {
            dataVersion.bump();
        }
        return ResponseEntity.status(revision.changed() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(codelists.find(definition.code()).orElseThrow());
    }

    @PostMapping("/api/v1/codelists/{type}/mappings")
    ResponseEntity<MappingReport> map(@PathVariable String type, HttpServletRequest request) throws IOException {
        return ResponseEntity.ok(mappings.importMappings(type, request.getInputStream(), CurrentCaller.of(request)));
    }
}
