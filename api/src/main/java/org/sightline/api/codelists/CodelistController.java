package org.sightline.api.codelists;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.sightline.api.security.CurrentCaller;
import org.sightline.api.web.ForbiddenException;
import org.sightline.domain.access.Caller;
import org.sightline.domain.access.Role;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /api/v1/codelists} (ADMIN): publish a standard codelist or its next version;
 * {@code POST /api/v1/codelists/{type}/mappings} (STEWARD for its organisation, ADMIN for any):
 * map local codes to the codelist's standard codes.
 */
@RestController
class CodelistController {

    private final Codelists codelists;
    private final CodelistPublisher publisher;
    private final CodeMappingImporter mappings;
    private final JsonMapper json;

    CodelistController(Codelists codelists, CodelistPublisher publisher, CodeMappingImporter mappings, JsonMapper json) {
        this.codelists = codelists;
        this.publisher = publisher;
        this.mappings = mappings;
        this.json = json;
    }

    @PostMapping("/api/v1/codelists")
    ResponseEntity<Codelists.Codelist> publish(HttpServletRequest request) throws IOException {
        Caller caller = CurrentCaller.of(request);
        if (caller.role() != Role.ADMIN) {
            // Refused before the body is read.
            throw new ForbiddenException("only an ADMIN publishes standard codelists");
        }
        CodelistDefinition definition;
        try {
            definition = json.readValue(request.getInputStream(), CodelistDefinition.class);
        } catch (JacksonException e) {
            Throwable cause = e.getCause() instanceof IllegalArgumentException ? e.getCause() : e;
            throw new IllegalArgumentException("the codelist could not be read: " + cause.getMessage());
        }
        if (definition == null) {
            throw new IllegalArgumentException("the codelist must be a JSON object");
        }
        Codelists.Revision revision = publisher.publish(definition, caller);
        return ResponseEntity.status(revision.changed() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(codelists.find(definition.code()).orElseThrow());
    }

    @PostMapping("/api/v1/codelists/{type}/mappings")
    ResponseEntity<MappingReport> map(@PathVariable String type, HttpServletRequest request) throws IOException {
        return ResponseEntity.ok(mappings.importMappings(type, request.getInputStream(), CurrentCaller.of(request)));
    }
}
