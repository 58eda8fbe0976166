package org.sightline.api.indicators;

import jakarta.servlet.http.HttpServletRequest;
import org.sightline.api.security.CurrentCaller;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/indicators}: define an indicator (201 created, 200 identical re-send, 409 conflict). */
@RestController
class IndicatorController {

    private final Indicators indicators;

    IndicatorController(Indicators indicators) {
        this.indicators = indicators;
    }

    @PostMapping("/api/v1/indicators")
    ResponseEntity<IndicatorInput> define(@RequestBody IndicatorInput input, HttpServletRequest request) {
        // The caller's organisation becomes the owner (its stewards see exact values).
        boolean created = indicators.define(input.toDefinition(), CurrentCaller.of(request).organisationId(), input.toDescription());
        return ResponseEntity.status(created ? HttpStatus.CREATED : HttpStatus.OK).body(input);
    }
}
