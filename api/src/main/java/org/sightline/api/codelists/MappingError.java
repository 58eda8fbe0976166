package org.sightline.api.codelists;

/** One problem in a mappings file: its line (the header is line 1), field, the value (a code) and what was expected. */
public record MappingError(long line, String field, String value, String reason) {
}
