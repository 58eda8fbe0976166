package org.sightline.api.accesslog;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.sightline.api.graphql.Connection;
import org.sightline.api.graphql.Cursors;
import org.sightline.api.indicators.IndicatorCatalogue;
import org.sightline.api.indicators.StoredIndicator;
import org.sightline.api.organisations.Organisation;
import org.sightline.api.organisations.Organisations;
import org.sightline.api.web.ForbiddenException;
import org.sightline.domain.access.Caller;
import org.sightline.domain.access.Role;
import org.sightline.domain.observation.InvalidQueryException;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * GraphQL {@code accessLog}: for STEWARDs of the organisation that owns the indicator and for
 * ADMINs; everyone else is refused before anything is read.
 */
@Controller
class AccessLogGraphQlController {

    private static final int MAX_PAGE = 1000;

    private final AccessEvents events;
    private final IndicatorCatalogue indicators;
    private final Organisations organisations;

    AccessLogGraphQlController(AccessEvents events, IndicatorCatalogue indicators, Organisations organisations) {
        this.events = events;
        this.indicators = indicators;
        this.organisations = organisations;
    }

    @QueryMapping
    Connection<AccessEvent> accessLog(@Argument String indicator, @Argument Integer first, @Argument String after,
                                      @ContextValue Caller caller) {
        if (caller.role() != Role.STEWARD && caller.role() != Role.ADMIN) {
            throw new ForbiddenException("the access log is read by STEWARDs of the organisation that owns the indicator "
                    + "and by ADMINs only");
        }
        int size = Cursors.pageSize(first, MAX_PAGE);
        Long before = beforeId(Cursors.decode(after));
        StoredIndicator stored = indicators.require(indicator);
        if (caller.role() == Role.STEWARD && !caller.organisationId().equals(stored.ownerOrganisationId())) {
            throw new ForbiddenException("the access log of indicator '" + indicator + "' is read by STEWARDs of the "
                    + "organisation that owns it; yours does not");
        }
        AccessEvents.Page page = events.page(stored.dbId(), stored.id(), before, size + 1);
        return Connection.of(page.events(), size, after != null, page.totalCount(), e -> Long.toString(e.id()));
    }

    private static Long beforeId(String key) {
        if (key == null) {
            return null;
        }
        try {
            return Long.parseLong(key);
        } catch (NumberFormatException e) {
            throw new InvalidQueryException("after is not a cursor returned by accessLog");
        }
    }

    @SchemaMapping(typeName = "AccessEvent")
    String at(AccessEvent event) {
        return event.at().toString();
    }

    @BatchMapping(typeName = "AccessEvent")
    Map<AccessEvent, Organisation> organisation(List<AccessEvent> page) {
        Map<Integer, Organisation> byId = organisations.byIds(page.stream().map(AccessEvent::organisationId)
                .filter(java.util.Objects::nonNull).collect(Collectors.toSet()));
        return page.stream().filter(e -> e.organisationId() != null && byId.containsKey(e.organisationId()))
                .collect(Collectors.toMap(e -> e, e -> byId.get(e.organisationId())));
    }
}
