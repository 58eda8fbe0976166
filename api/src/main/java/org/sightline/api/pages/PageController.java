package org.sightline.api.pages;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code /graphiql}: our own GraphiQL page ({@code static/graphiql/index.html}), which loads GraphiQL,
 * React and their styles from the jar's webjars instead of a CDN (Spring's own page is switched off:
 * {@code spring.graphql.graphiql.enabled=false}). {@code sightline.exposure.graphiql=false} still
 * hides it (ExposureFilter answers 404 before this runs). The dashboard at {@code /} is Spring's
 * welcome page, {@code static/index.html}.
 */
@Controller
class PageController {

    @GetMapping({"/graphiql", "/graphiql/"})
    String graphiql() {
        return "forward:/graphiql/index.html";
    }
}
