package org.sightline.api.indicators;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.sightline.api.web.NotFoundException;
import org.springframework.stereotype.Component;

/**
 * Indicator definitions for the query path, kept in memory so that answering a question costs one
 * SQL statement. Safe across instances: a definition never changes once created (a conflicting
 * re-definition is refused), so only found definitions are cached and a miss asks the database.
 */
@Component
public class IndicatorCatalogue {

    private final Indicators indicators;
    private final Map<String, StoredIndicator> cache = new ConcurrentHashMap<>();

    IndicatorCatalogue(Indicators indicators) {
        this.indicators = indicators;
    }

    /** The indicator, or a NOT_FOUND error naming the id. */
    public StoredIndicator require(String id) {
        return find(id).orElseThrow(() -> new NotFoundException("indicator '" + id + "' does not exist"));
    }

    public Optional<StoredIndicator> find(String id) {
        StoredIndicator cached = cache.get(id);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<StoredIndicator> found = indicators.find(id);
        found.ifPresent(i -> cache.put(id, i));
        return found;
    }
}
