package org.sightline.api.web;

import java.util.List;
import org.sightline.domain.observation.InvalidQueryException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Turns exceptions from REST endpoints into {@link ApiError} bodies. Messages never contain
 * observation values: they name lines, columns and the caller's own input only.
 */
@RestControllerAdvice
class RestErrors {

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ApiError> notFound(NotFoundException e) {
        return error(HttpStatus.NOT_FOUND, "NOT_FOUND", e.getMessage(), List.of());
    }

    @ExceptionHandler(ForbiddenException.class)
    ResponseEntity<ApiError> forbidden(ForbiddenException e) {
        return error(HttpStatus.FORBIDDEN, "FORBIDDEN", e.getMessage(), List.of());
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<ApiError> conflict(ConflictException e) {
        return error(HttpStatus.CONFLICT, "CONFLICT", e.getMessage(), List.of());
    }

    @ExceptionHandler(InvalidFileException.class)
    ResponseEntity<ApiError> invalidFile(InvalidFileException e) {
        return error(HttpStatus.UNPROCESSABLE_CONTENT, "BAD_REQUEST", e.getMessage(), e.errors());
    }

    @ExceptionHandler({IllegalArgumentException.class, InvalidQueryException.class})
    ResponseEntity<ApiError> badRequest(IllegalArgumentException e) {
        return error(HttpStatus.BAD_REQUEST, "BAD_REQUEST", e.getMessage(), List.of());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException e) {
        return error(HttpStatus.BAD_REQUEST, "BAD_REQUEST", "the request body could not be read: "
                + (e.getMostSpecificCause() == null ? e.getMessage() : e.getMostSpecificCause().getMessage()), List.of());
    }

    private static ResponseEntity<ApiError> error(HttpStatus status, String classification, String message, List<?> errors) {
        return ResponseEntity.status(status).body(new ApiError(classification, message, errors));
    }
}
