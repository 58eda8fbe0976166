package org.sightline.api.characteristics;

import java.util.List;
import org.sightline.api.characteristics.CharacteristicTypes.StoredType;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** GraphQL {@code characteristicTypes}: every type with its values, total first. */
@Controller
class CharacteristicGraphQlController {

    private final CharacteristicTypes types;

    CharacteristicGraphQlController(CharacteristicTypes types) {
        this.types = types;
    }

    @QueryMapping
    List<StoredType> characteristicTypes() {
        return types.all();
    }
}
