package org.sightline.api.observations;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.sightline.api.graphql.Connection;
import org.sightline.api.graphql.Cursors;
import org.sightline.domain.observation.AreaSelector;
import org.sightline.domain.observation.CharacteristicFilter;
import org.sightline.domain.observation.CharacteristicRef;
import org.sightline.domain.observation.InvalidQueryException;
import org.sightline.domain.observation.ObservationQuery;
import org.sightline.domain.observation.PeriodSelector;
import org.sightline.domain.access.Caller;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * GraphQL {@code observations}. The privacy engine protects the whole table, so the table is
 * computed whole (one SQL statement) and then paged by key: a cursor is the sort key of the last
 * row seen (area code, period dates, characteristic display order), not an offset.
 */
@Controller
class ObservationGraphQlController {

    static final int MAX_PAGE = 10_000;

    private final ObservationService service;

    ObservationGraphQlController(ObservationService service) {
        this.service = service;
    }

    @QueryMapping
    Connection<PublishedObservation> observations(@Argument("query") ObservationQueryInput input,
                                                  @Argument Integer first, @Argument String after,
                                                  @ContextValue Caller caller) {
        int size = Cursors.pageSize(first, MAX_PAGE);
        List<PublishedObservation> table = new ArrayList<>(service.answer(input.toQuery(), caller));
        // Page in the key order itself, independent of the database's collation.
        table.sort(Comparator.comparing(ObservationGraphQlController::sortKey));
        String afterKey = Cursors.decode(after);
        List<PublishedObservation> remaining = new ArrayList<>();
        for (PublishedObservation row : table) {
            if (afterKey == null || KEY_ORDER.compare(sortKey(row), afterKey) > 0) {
                remaining.add(row);
                if (remaining.size() > size) {
                    break;
                }
            }
        }
        return Connection.of(remaining, size, after != null, table.size(), ObservationGraphQlController::sortKey);
    }

    /** A confidence interval of an observation's value at one level, and how it was obtained. */
    record ConfidenceInterval(String level, Double lower, Double upper, String method) {
    }

    /**
     * {@code Observation.confidenceInterval(level)}: the 95% interval as {@code lowerCI}/{@code
     * upperCI} give it, or the 99.8% one - both from released numbers only.
     */
    @SchemaMapping(typeName = "Observation")
    ConfidenceInterval confidenceInterval(PublishedObservation row, @Argument String level) {
        if (level == null || level.equals("CI_95")) {
            return new ConfidenceInterval("CI_95", row.lowerCI(), row.upperCI(), row.ciMethod());
        }
        var interval = row.interval998();
        return interval == null ? new ConfidenceInterval("CI_99_8", null, null, null)
                : new ConfidenceInterval("CI_99_8", interval.lower(), interval.upper(), interval.method().name());
    }

    /**
     * The row's position in the table order as a string that sorts the same way: area code, period
     * start and end (ISO dates sort as text), then each characteristic's display order, zero-padded.
     */
    static String sortKey(PublishedObservation row) {
        StringBuilder key = new StringBuilder(row.area().code()).append('|').append(row.period().start()).append('|')
                .append(row.period().end());
        for (CharacteristicRef c : row.characteristics()) {
            key.append('|').append(String.format("%010d", c.sortOrder()));
        }
        return key.toString();
    }

    private static final Comparator<String> KEY_ORDER = Comparator.naturalOrder();
}
