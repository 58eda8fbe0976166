package org.sightline.domain.observation;

import java.util.List;

/** Restricts a characteristic type to some of its values, e.g. sex in (F). */
public record CharacteristicFilter(String type, List<String> values) {
    public CharacteristicFilter {
        if (type == null || type.isBlank()) {
            throw new InvalidQueryException("filter.type is required");
        }
        values = values == null ? List.of() : values.stream().map(String::strip).distinct().toList();
        if (values.isEmpty()) {
            throw new InvalidQueryException("filter for '" + type + "' lists no values");
        }
    }
}
