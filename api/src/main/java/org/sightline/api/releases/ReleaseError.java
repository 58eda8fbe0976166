package org.sightline.api.releases;

/**
 * One problem in an uploaded release file. {@code line} counts the header as line 1;
 * {@code value} is what the file said (the uploader's own input), {@code reason} what was expected.
 */
public record ReleaseError(long line, String column, String value, String reason) {
}
