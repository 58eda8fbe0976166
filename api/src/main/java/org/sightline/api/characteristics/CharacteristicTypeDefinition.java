package org.sightline.api.characteristics;

import java.util.HashSet;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A characteristic type as an administrator declares it. The "total" value is implicit: it is
 * created automatically and must not be listed.
 *
 * @param areaDerived whether the value is a function of the area (an LSOA's IMD decile, a rural or
 *                    urban class): the privacy engine then judges a breakdown by it as the base areas
 *                    it isolates. Optional; a release showing one value per area marks it too, and a
 *                    mark is never removed.
 */
public record CharacteristicTypeDefinition(String code, String name, Boolean ordered, List<Value> values, Boolean areaDerived) {

    private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9_]{0,63}");

    /** One value: a short code used in files and queries, and the label people read. */
    public record Value(String code, String label) {
    }

    /** A type that is not a function of the area. */
    public CharacteristicTypeDefinition(String code, String name, Boolean ordered, List<Value> values) {
        this(code, name, ordered, values, false);
    }

    public CharacteristicTypeDefinition {
        if (code == null || !CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("code '" + code + "' must be lower-case letters, digits and underscores, starting with a letter");
        }
        if (name == null || name.isBlank() || name.length() > 200) {
            throw new IllegalArgumentException("name is required, at most 200 characters");
        }
        ordered = Boolean.TRUE.equals(ordered);
        areaDerived = Boolean.TRUE.equals(areaDerived);
        values = values == null ? List.of() : List.copyOf(values);
        if (values.isEmpty()) {
            throw new IllegalArgumentException("values must list at least one value");
        }
        HashSet<String> seen = new HashSet<>();
        for (Value v : values) {
            if (v == null || v.code() == null || v.code().isBlank() || v.code().length() > 64) {
                throw new IllegalArgumentException("every value needs a code of 1-64 characters");
            }
            if (v.code().equals("total")) {
                throw new IllegalArgumentException("'total' is implicit and must not be listed");
            }
            if (v.label() == null || v.label().isBlank() || v.label().length() > 200) {
                throw new IllegalArgumentException("value '" + v.code() + "' needs a label of at most 200 characters");
            }
            if (!seen.add(v.code())) {
                throw new IllegalArgumentException("value '" + v.code() + "' is listed twice");
            }
        }
    }
}
