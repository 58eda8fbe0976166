package org.sightline.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns the server's error answers into exceptions: the REST body
 * {@code {"classification", "message", "errors": [{line, column | field, value | code, reason}]}}
 * and GraphQL's {@code {"errors": [{"message", "extensions": {"classification"}}]}}, by classification
 * first and HTTP status second.
 */
final class Errors {

    private Errors() {
    }

    /** The exception for an HTTP error answer; {@code body} may be anything, even empty or not JSON. */
    static SightlineException fromResponse(JsonMapper json, int status, String body, Duration retryAfter) {
        JsonNode tree = parse(json, body);
        if (tree != null && tree.has("classification")) {
            List<FileError> errors = new ArrayList<>();
            JsonNode list = tree.path("errors");
            if (list.isArray()) {
                for (JsonNode error : list) {
                    errors.add(error.isObject() ? json.treeToValue(error, FileError.class) : new FileError(null, null, null, error.asString()));
                }
            }
            return of(status, text(tree.get("classification")), text(tree.get("message")), errors, retryAfter);
        }
        if (tree != null && tree.path("errors").isArray() && !tree.path("errors").isEmpty()) {
            return fromGraphQl(status, tree.get("errors"), retryAfter);
        }
        String message = body == null || body.isBlank() ? "the server answered " + status
                : "the server answered " + status + ": " + abbreviate(body.strip());
        return of(status, null, message, List.of(), retryAfter);
    }

    /** The exception for GraphQL {@code errors} (the first error's classification decides; every message is kept). */
    static SightlineException fromGraphQl(int status, JsonNode errors, Duration retryAfter) {
        List<String> messages = new ArrayList<>();
        errors.forEach(e -> messages.add(text(e.get("message"))));
        String classification = text(errors.get(0).path("extensions").get("classification"));
        return of(status, classification, String.join("; ", messages), List.of(), retryAfter);
    }

    static SightlineException of(int status, String classification, String message, List<FileError> errors, Duration retryAfter) {
        String kind = classification == null ? "" : classification;
        String text = message == null || message.isBlank() ? "the server answered " + status + " " + kind : message;
        switch (kind) {
            case "BAD_REQUEST", "ValidationError", "InvalidSyntax", "OperationNotSupported" -> {
                if (status == 413) {
                    return new PayloadTooLargeException(status, classification, text, errors);
                }
                return status == 409 ? new ConflictException(status, classification, text, errors)
                        : new BadRequestException(status, classification, text, errors);
            }
            case "PAYLOAD_TOO_LARGE" -> {
                return new PayloadTooLargeException(status, classification, text, errors);
            }
            case "CONFLICT" -> {
                return new ConflictException(status, classification, text, errors);
            }
            case "UNAUTHORIZED" -> {
                return new UnauthorizedException(status, classification, text, errors);
            }
            case "FORBIDDEN" -> {
                return new ForbiddenException(status, classification, text, errors);
            }
            case "NOT_FOUND" -> {
                return new NotFoundException(status, classification, text, errors);
            }
            case "TOO_MANY_REQUESTS" -> {
                return new RateLimitedException(status, classification, text, retryAfter);
            }
            case "TIMEOUT" -> {
                return new UnavailableException(status, classification, text, errors);
            }
            case "INTERNAL_ERROR" -> {
                return new ServerErrorException(status, classification, text, errors);
            }
            default -> {
                return byStatus(status, classification, text, errors, retryAfter);
            }
        }
    }

    private static SightlineException byStatus(int status, String classification, String text, List<FileError> errors, Duration retryAfter) {
        return switch (status) {
            case 400, 405, 406, 411, 415, 422 -> new BadRequestException(status, classification, text, errors);
            case 401 -> new UnauthorizedException(status, classification, text, errors);
            case 403 -> new ForbiddenException(status, classification, text, errors);
            case 404, 410 -> new NotFoundException(status, classification, text, errors);
            case 409 -> new ConflictException(status, classification, text, errors);
            case 413 -> new PayloadTooLargeException(status, classification, text, errors);
            case 429 -> new RateLimitedException(status, classification, text, retryAfter);
            case 502, 503, 504 -> new UnavailableException(status, classification, text, errors);
            default -> status >= 500 ? new ServerErrorException(status, classification, text, errors)
                    : new SightlineException(status, classification, text, errors);
        };
    }

    private static JsonNode parse(JsonMapper json, String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            JsonNode tree = json.readTree(body);
            return tree != null && tree.isObject() ? tree : null;
        } catch (JacksonException notJson) {
            return null;
        }
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asString();
    }

    private static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "...";
    }
}
