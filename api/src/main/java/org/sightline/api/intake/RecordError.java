package org.sightline.api.intake;

/**
 * One problem with one record: its line (the header is line 1), the field, and why. {@code code}
 * repeats the file's value only when it is a short code-like token (an unmapped local code), never
 * a postcode, a date or free text.
 */
public record RecordError(long line, String field, String code, String reason) {
}
