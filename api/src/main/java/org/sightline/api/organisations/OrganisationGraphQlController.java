package org.sightline.api.organisations;

import java.util.List;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** GraphQL {@code organisations} and {@code organisation}: the partner bodies, visible to every caller. */
@Controller
class OrganisationGraphQlController {

    private final Organisations organisations;

    OrganisationGraphQlController(Organisations organisations) {
        this.organisations = organisations;
    }

    @QueryMapping
    List<Organisation> organisations() {
        return organisations.all();
    }

    @QueryMapping
    Organisation organisation(@Argument String code) {
        return organisations.find(code).orElse(null);
    }
}
