package org.sightline.api.web;

import java.util.List;

/**
 * The JSON body of every REST error: a classification shared with GraphQL errors, a message a
 * person can act on, and, for files, every problem found with its line and column.
 */
public record ApiError(String classification, String message, List<?> errors) {
}
