package org.sightline.api.graphql;

import java.util.List;
import java.util.function.Function;

/** A Relay connection: a page of edges, where the page sits, and how many items match in all. */
public record Connection<T>(List<Edge<T>> edges, PageInfo pageInfo, int totalCount) {

    public record Edge<T>(T node, String cursor) {
    }

    public record PageInfo(boolean hasNextPage, boolean hasPreviousPage, String startCursor, String endCursor) {
    }

    /**
     * Builds a connection from up to {@code first + 1} fetched items (the extra one only tells
     * whether there is a next page).
     */
    public static <T> Connection<T> of(List<T> fetched, int first, boolean afterGiven, int totalCount, Function<T, String> key) {
        boolean hasNext = fetched.size() > first;
        List<Edge<T>> edges = fetched.subList(0, Math.min(first, fetched.size())).stream()
                .map(item -> new Edge<>(item, Cursors.encode(key.apply(item))))
                .toList();
        return new Connection<>(edges, new PageInfo(hasNext, afterGiven,
                edges.isEmpty() ? null : edges.get(0).cursor(),
                edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor()), totalCount);
    }
}
