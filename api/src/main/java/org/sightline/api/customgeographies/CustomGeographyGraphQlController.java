package org.sightline.api.customgeographies;

import java.util.List;
import org.sightline.api.geography.AreaDirectory;
import org.sightline.domain.access.Caller;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** GraphQL {@code defineCustomGeography} and {@code customGeography}. */
@Controller
class CustomGeographyGraphQlController {

    private final CustomGeographies customGeographies;
    private final AreaDirectory areas;

    CustomGeographyGraphQlController(CustomGeographies customGeographies, AreaDirectory areas) {
        this.customGeographies = customGeographies;
        this.areas = areas;
    }

    /** The GraphQL {@code CustomGeographyInput}. */
    record CustomGeographyInput(String name, String description, List<String> members) {
    }

    @MutationMapping
    CustomGeography defineCustomGeography(@Argument CustomGeographyInput input, @ContextValue Caller caller) {
        return customGeographies.define(caller, input.name(), input.description(), input.members());
    }

    @QueryMapping
    CustomGeography customGeography(@Argument String id) {
        return customGeographies.find(id).orElse(null);
    }

    @SchemaMapping(typeName = "CustomGeography")
    String name(CustomGeography geography) {
        return geography.area().name();
    }

    @SchemaMapping(typeName = "CustomGeography")
    AreaDirectory.AreaTypeRow memberType(CustomGeography geography) {
        return areas.areaType(geography.memberType());
    }

    @SchemaMapping(typeName = "CustomGeography")
    String owner(CustomGeography geography) {
        return geography.ownerOrganisation();
    }

    @SchemaMapping(typeName = "CustomGeography")
    String createdAt(CustomGeography geography) {
        return geography.createdAt().toString();
    }
}
