package org.sightline.api.codelists;

import java.util.HashSet;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A standard codelist as an administrator publishes it: a characteristic type with a definition,
 * a source, and its values with definitions, exactly one or more of them marked as meaning "not
 * stated / unknown" where the list records people. Sending a changed list makes a new version.
 *
 * @param code       the characteristic type's code, e.g. {@code ethnicity}
 * @param definition what the list classifies and how (shown to users and in the catalogue)
 * @param source     where the list comes from, e.g. "ONS Census 2021, ethnic group (19 categories)"
 */
public record CodelistDefinition(String code, String name, String definition, String source, Boolean ordered,
                                 List<Value> values) {

    private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9_]{0,63}");

    /** One value; {@code unknown} marks "not stated / unknown / refused", counted by completeness reports. */
    public record Value(String code, String label, String definition, Boolean unknown) {

        public boolean isUnknown() {
            return Boolean.TRUE.equals(unknown);
        }
    }

    public CodelistDefinition {
        if (code == null || !CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("code '" + code + "' must be lower-case letters, digits and underscores, starting with a letter");
        }
        if (name == null || name.isBlank() || name.length() > 200) {
            throw new IllegalArgumentException("name is required, at most 200 characters");
        }
        if (definition == null || definition.isBlank()) {
            throw new IllegalArgumentException("a standard codelist needs a definition");
        }
        if (source == null || source.isBlank()) {
            throw new IllegalArgumentException("a standard codelist needs a source");
        }
        ordered = Boolean.TRUE.equals(ordered);
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
