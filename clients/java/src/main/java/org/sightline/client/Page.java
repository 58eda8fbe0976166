package org.sightline.client;

import java.util.List;

/**
 * One page of a connection: its items, how many there are in all, and the cursor to pass as
 * {@code after} for the next page ({@code hasNextPage} false on the last).
 */
public record Page<T>(List<T> items, int totalCount, boolean hasNextPage, String endCursor) {
}
