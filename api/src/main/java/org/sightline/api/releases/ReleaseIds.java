package org.sightline.api.releases;

/** Release ids as callers write them (GraphQL {@code ID}s are strings). */
public final class ReleaseIds {

    private ReleaseIds() {
    }

    /** The release id in {@code id}, or a BAD_REQUEST error naming it. */
    public static long parse(String id) {
        try {
            long value = Long.parseLong(id.strip());
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("'" + (id.length() > 40 ? id.substring(0, 40) + "..." : id)
                + "' is not a release id (a whole number, as listed by releases(indicator:))");
    }
}
