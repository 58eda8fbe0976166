package org.sightline.privacy.suppression;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One additivity constraint of a table: the count of the cell {@code total} equals the sum of the
 * counts of the cells {@code parts}.
 *
 * <p>Parts are kept in key order, so two relations over the same cells are equal however their
 * parts were listed. A relation has at least one part (a single part says two keys name the same
 * population, e.g. a custom area drawn round exactly one ward), no part twice, and its total is
 * not one of its parts.
 */
public record Relation(String total, List<String> parts) {

    public Relation {
        requireKey(total, "total");
        Objects.requireNonNull(parts, () -> "parts of relation with total '" + total + "'");
        if (parts.isEmpty()) {
            throw new IllegalArgumentException(
                    "relation with total '" + total + "' must have at least one part");
        }
        parts.forEach(part -> requireKey(part, "part of relation with total '" + total + "'"));
        Set<String> seen = new HashSet<>();
        for (String part : parts) {
            if (!seen.add(part)) {
                throw new IllegalArgumentException(
                        "relation with total '" + total + "' names part '" + part + "' more than once");
            }
        }
        if (seen.contains(total)) {
            throw new IllegalArgumentException(
                    "relation with total '" + total + "' lists '" + total + "' as its own part");
        }
        parts = parts.stream().sorted().toList();
    }

    /** The relation {@code total = parts[0] + parts[1] + ...}. */
    public static Relation of(String total, String... parts) {
        return new Relation(total, Arrays.asList(parts));
    }

    /** The total followed by the parts: every cell the relation ties together. */
    public List<String> cells() {
        List<String> cells = new ArrayList<>(parts.size() + 1);
        cells.add(total);
        cells.addAll(parts);
        return List.copyOf(cells);
    }

    /** Reads as the equation, e.g. {@code district = ward-a + ward-b}, for error messages. */
    @Override
    public String toString() {
        return total + " = " + String.join(" + ", parts);
    }

    private static void requireKey(String key, String role) {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException(role + " must be a non-blank key, was '" + key + "'");
        }
    }
}
