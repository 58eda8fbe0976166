package org.sightline.api.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVException;
import org.sightline.domain.observation.InvalidQueryException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.springframework.web.util.DisconnectedClientHelper;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DatabindException;

/**
 * Turns exceptions from REST endpoints into {@link ApiError} bodies. Messages never contain
 * observation values, Java class names or stack traces: they name lines, columns, fields and the
 * caller's own input only. A caller's mistake is logged as one line; only a fault of the server
 * is logged with its stack trace and answered 500 without detail.
 */
@RestControllerAdvice
class RestErrors {

    private static final Logger log = LoggerFactory.getLogger(RestErrors.class);

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

    @ExceptionHandler(UnreadableTextException.class)
    ResponseEntity<ApiError> unreadableText(UnreadableTextException e) {
        return error(HttpStatus.BAD_REQUEST, "BAD_REQUEST", e.getMessage(), lineError(e));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof UnreadableTextException text) {
                return unreadableText(text);
            }
            if (cause instanceof IllegalArgumentException invalid && invalid.getStackTrace().length > 0
                    && invalid.getStackTrace()[0].getClassName().startsWith("org.sightline")) {
                // A record that validates itself in its constructor refused a value: its message is written for callers.
                return badRequest(invalid);
            }
        }
        return error(HttpStatus.BAD_REQUEST, "BAD_REQUEST", "the request body could not be read: " + plainReason(e.getCause()), List.of());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ApiError> typeMismatch(MethodArgumentTypeMismatchException e) {
        return error(HttpStatus.BAD_REQUEST, "BAD_REQUEST", "parameter " + e.getName() + " has a value of the wrong kind", List.of());
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ApiError> missingParameter(MissingServletRequestParameterException e) {
        return error(HttpStatus.BAD_REQUEST, "BAD_REQUEST", "parameter " + e.getParameterName() + " is required", List.of());
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    ResponseEntity<ApiError> missingHeader(MissingRequestHeaderException e) {
        return error(HttpStatus.BAD_REQUEST, "BAD_REQUEST", "header " + e.getHeaderName() + " is required", List.of());
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ApiError> mediaType(HttpMediaTypeNotSupportedException e) {
        String supported = e.getSupportedMediaTypes().stream().map(Object::toString).collect(Collectors.joining(", "));
        return error(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "BAD_REQUEST", "this endpoint does not take "
                + (e.getContentType() == null ? "a body without a Content-Type" : e.getContentType().toString())
                + (supported.isEmpty() ? "" : "; send " + supported), List.of(), e.getHeaders());
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<ApiError> notAcceptable(HttpMediaTypeNotAcceptableException e) {
        return error(HttpStatus.NOT_ACCEPTABLE, "BAD_REQUEST", "this endpoint cannot answer in the media type asked for (Accept)", List.of());
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ApiError> method(HttpRequestMethodNotSupportedException e) {
        return error(HttpStatus.METHOD_NOT_ALLOWED, "BAD_REQUEST", e.getMethod() + " is not allowed here"
                + (e.getSupportedHttpMethods() == null ? "" : "; use " + e.getSupportedHttpMethods().stream().map(Object::toString)
                .collect(Collectors.joining(", "))), List.of(), e.getHeaders());
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ApiError> noResource(NoResourceFoundException e) {
        return error(HttpStatus.NOT_FOUND, "NOT_FOUND", "there is no endpoint at " + e.getResourcePath(), List.of());
    }

    /** Any other refusal Spring MVC decides before the handler runs (its status says what). */
    private ResponseEntity<ApiError> framework(ErrorResponse response) {
        HttpStatusCode status = response.getStatusCode();
        HttpStatus known = HttpStatus.resolve(status.value());
        return error(status, status.value() == 404 ? "NOT_FOUND" : "BAD_REQUEST",
                "the request was refused: " + (known == null ? status.toString() : known.getReasonPhrase().toLowerCase()), List.of(),
                response.getHeaders());
    }

    /**
     * A CSV file commons-csv cannot parse (an unterminated quote, a stray character after a quoted
     * cell), or a body that stopped arriving: the client reset the connection, closed it before the
     * length it declared (or the last chunk), or sent nothing for {@code server.tomcat.connection-timeout}
     * - the caller's doing, not a fault of the server.
     * The upload's transaction has been rolled back by then, so nothing of it was stored.
     */
    @ExceptionHandler({UncheckedIOException.class, IOException.class})
    ResponseEntity<ApiError> unreadableFile(Exception e) {
        if (e instanceof AsyncRequestNotUsableException) {
            // Writing the answer failed, e.g. the one below to a client that reset the connection: no one to answer.
            log.debug("the client went away before it was answered: {}", e.toString());
            return null;
        }
        if (DisconnectedClientHelper.isClientDisconnectedException(e)) {
            // Answered in case the client still listens (it closed only its side); usually no one does.
            return error(HttpStatus.BAD_REQUEST, "BAD_REQUEST", "the request body stopped before all of it arrived: the client went away "
                    + "(closed or reset the connection, or sent nothing for too long); nothing was stored, send the whole file again",
                    List.of());
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof CSVException csv) {
                return error(HttpStatus.UNPROCESSABLE_CONTENT, "BAD_REQUEST", "the CSV file cannot be read: " + csv.getMessage()
                        + "; check for an unterminated or stray quote", List.of());
            }
            if (cause instanceof UnreadableTextException text) {
                return unreadableText(text);
            }
        }
        return serverFault(e);
    }

    @ExceptionHandler(DataAccessException.class)
    ResponseEntity<ApiError> database(DataAccessException e) {
        String refused = DatabaseRefusals.messageFor(e);
        if (refused == null) {
            return serverFault(e);
        }
        log.warn("the database refused a value that no check caught ({})", refused);
        return error(HttpStatus.BAD_REQUEST, "BAD_REQUEST", refused, List.of());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ApiError> serverFault(Exception e) {
        if (e instanceof ErrorResponse response && !response.getStatusCode().is5xxServerError()) {
            return framework(response);
        }
        log.error("request failed", e);
        return error(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR", "internal error; the operators have been told", List.of());
    }

    /** What was wrong with a JSON body, in words and field names (Jackson's own messages name Java types). */
    private static String plainReason(Throwable cause) {
        if (cause instanceof StreamReadException syntax) {
            return "it is not valid JSON" + at(syntax);
        }
        if (cause instanceof DatabindException binding) {
            String path = binding.getPath().stream()
                    .map(reference -> reference.getPropertyName() != null ? reference.getPropertyName() : "[" + reference.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            return path.isEmpty() ? "it is not a JSON object of the expected shape" + at(binding)
                    : "field " + path + " is missing, null where a value is needed, or of the wrong kind" + at(binding);
        }
        if (cause instanceof JacksonException json) {
            return "it is not valid JSON" + at(json);
        }
        return "it is empty or not in the expected format";
    }

    private static String at(JacksonException e) {
        return e.getLocation() == null || e.getLocation().getLineNr() < 1 ? ""
                : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
    }

    private static List<?> lineError(UnreadableTextException e) {
        return e.line() > 0 ? List.of(Map.of("line", e.line(), "reason", e.getMessage())) : List.of();
    }

    private ResponseEntity<ApiError> error(HttpStatusCode status, String classification, String message, List<?> errors) {
        return error(status, classification, message, errors, HttpHeaders.EMPTY);
    }

    private ResponseEntity<ApiError> error(HttpStatusCode status, String classification, String message, List<?> errors, HttpHeaders headers) {
        if (!status.is5xxServerError()) {
            log.info("refused with {}: {}", status.value(), message);
        }
        return ResponseEntity.status(status).headers(headers).body(new ApiError(classification, CallerMessages.plain(message), errors));
    }
}
