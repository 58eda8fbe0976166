package org.sightline.api.characteristics;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/characteristic-types}: declare a characteristic type and its values. */
@RestController
class CharacteristicTypeController {

    private final CharacteristicTypes types;

    CharacteristicTypeController(CharacteristicTypes types) {
        this.types = types;
    }

    @PostMapping("/api/v1/characteristic-types")
    ResponseEntity<CharacteristicTypes.StoredType> define(@RequestBody CharacteristicTypeDefinition definition) {
        boolean created = types.define(definition);
        return ResponseEntity.status(created ? HttpStatus.CREATED : HttpStatus.OK).body(types.find(definition.code()).orElseThrow());
    }
}
