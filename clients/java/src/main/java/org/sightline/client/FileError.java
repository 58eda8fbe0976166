package org.sightline.client;

import com.fasterxml.jackson.annotation.JsonAlias;

/**
 * One problem the server found in a file: its line (the header is line 1), the column or field, the
 * value the file held there (only when it is a code, never personal data) and what was expected.
 * Any part may be null when the server did not say.
 */
public record FileError(Long line, @JsonAlias("column") String field, @JsonAlias("code") String value, String reason) {

    /** For people: {@code line 3, area_code 'Z01999999': not a known area code}. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        if (line != null) {
            text.append("line ").append(line);
        }
        if (field != null) {
            text.append(text.isEmpty() ? "" : ", ").append(field);
            if (value != null) {
                text.append(" '").append(value).append('\'');
            }
        }
        return text.isEmpty() ? String.valueOf(reason) : text + ": " + reason;
    }
}
