package org.sightline.api.limits;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import org.sightline.api.web.ApiError;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The largest body each endpoint accepts. A body that declares a larger {@code Content-Length} is
 * refused with 413 before a byte of it is read; a body without one (chunked) is counted as it is
 * read and the request fails with 413 the moment it passes the limit, so no endpoint ever holds
 * or stores more than its limit. Uploads are transactional, so a refused file leaves nothing
 * behind. Runs before every filter that reads a body (the public's response cache reads GraphQL bodies too).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class RequestBodyLimits extends OncePerRequestFilter {

    /** Request attribute set to the {@link Limit} a body passed while it was being read. */
    static final String EXCEEDED = RequestBodyLimits.class.getName() + ".exceeded";

    /** One endpoint's limit: the property that sets it and its value. */
    record Limit(String what, String property, DataSize size) {

        String refusal() {
            return "the request body is larger than " + readable(size) + ", the limit for " + what + " (" + property + ")";
        }

        static String readable(DataSize size) {
            long bytes = size.toBytes();
            if (bytes >= 1L << 30 && bytes % (1L << 30) == 0) {
                return (bytes >> 30) + " GB";
            }
            if (bytes >= 1L << 20 && bytes % (1L << 20) == 0) {
                return (bytes >> 20) + " MB";
            }
            if (bytes >= 1L << 10 && bytes % (1L << 10) == 0) {
                return (bytes >> 10) + " KB";
            }
            return bytes + " bytes";
        }
    }

    private record Route(Pattern path, Limit limit) {
    }

    private static final String PREFIX = "sightline.limits.";

    private final Limit graphql;
    private final Limit other;
    private final List<Route> routes;
    private final JsonMapper json = JsonMapper.builder().build();

    RequestBodyLimits(@Value("${sightline.limits.graphql-body-bytes:256KB}") DataSize graphql,
                      @Value("${sightline.limits.release-bytes:1GB}") DataSize release,
                      @Value("${sightline.limits.record-file-bytes:1GB}") DataSize recordFile,
                      @Value("${sightline.limits.postcode-directory-bytes:2GB}") DataSize postcodes,
                      @Value("${sightline.limits.geography-bytes:64MB}") DataSize geography,
                      @Value("${sightline.limits.boundary-bytes:128MB}") DataSize boundaries,
                      @Value("${sightline.limits.codelist-bytes:64MB}") DataSize codelists,
                      @Value("${sightline.limits.other-body-bytes:1MB}") DataSize other) {
        this.graphql = new Limit("GraphQL requests", PREFIX + "graphql-body-bytes", graphql);
        this.other = new Limit("this endpoint", PREFIX + "other-body-bytes", other);
        this.routes = List.of(
                new Route(Pattern.compile("/graphql"), this.graphql),
                new Route(Pattern.compile("/api/v1/indicators/[^/]+/releases"), new Limit("a release", PREFIX + "release-bytes", release)),
                new Route(Pattern.compile("/api/v1/record-intakes/[^/]+/records"),
                        new Limit("a record file", PREFIX + "record-file-bytes", recordFile)),
                new Route(Pattern.compile("/api/v1/postcodes"),
                        new Limit("a postcode directory", PREFIX + "postcode-directory-bytes", postcodes)),
                new Route(Pattern.compile("/api/v1/geography"), new Limit("a geography file", PREFIX + "geography-bytes", geography)),
                new Route(Pattern.compile("/api/v1/boundaries"), new Limit("a boundary file", PREFIX + "boundary-bytes", boundaries)),
                new Route(Pattern.compile("/api/v1/codelists(/[^/]+/mappings)?"),
                        new Limit("a codelist or code mapping file", PREFIX + "codelist-bytes", codelists)));
    }

    /** The limit of a request's body. */
    Limit limitFor(String path) {
        for (Route route : routes) {
            if (route.path().matcher(path).matches()) {
                return route.limit();
            }
        }
        return other;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI();
        if ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod())) {
            String query = request.getQueryString();
            if ("/graphql".equals(path) && query != null && query.getBytes(StandardCharsets.UTF_8).length > graphql.size().toBytes()) {
                refuse(response, "the query string is longer than " + Limit.readable(graphql.size()) + ", the limit for GraphQL requests ("
                        + graphql.property() + ")");
                return;
            }
            chain.doFilter(request, response);
            return;
        }
        Limit limit = limitFor(path);
        if (request.getContentLengthLong() > limit.size().toBytes()) {
            refuse(response, limit.refusal());
            return;
        }
        try {
            chain.doFilter(new Counted(request, limit), response);
        } catch (IOException | ServletException | RuntimeException e) {
            if (request.getAttribute(EXCEEDED) == null || response.isCommitted()) {
                throw e;
            }
            response.reset();
            refuse(response, limit.refusal());
        }
    }

    private void refuse(HttpServletResponse response, String message) throws IOException {
        response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        // Tomcat need not swallow the rest of a body nobody will read.
        response.setHeader("Connection", "close");
        json.writeValue(response.getOutputStream(), new ApiError("PAYLOAD_TOO_LARGE", message, List.of()));
    }

    /** The body too large for its endpoint, found while it was read. */
    static final class BodyTooLargeException extends IOException {

        BodyTooLargeException(Limit limit) {
            super(limit.refusal());
        }
    }

    /** The request with its body counted as it is read. */
    private static final class Counted extends HttpServletRequestWrapper {

        private final Limit limit;
        private ServletInputStream counted;

        Counted(HttpServletRequest request, Limit limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (counted == null) {
                counted = new CountingStream(super.getInputStream(), limit, (HttpServletRequest) getRequest());
            }
            return counted;
        }

        @Override
        public java.io.BufferedReader getReader() throws IOException {
            return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(),
                    getCharacterEncoding() == null ? StandardCharsets.UTF_8.name() : getCharacterEncoding()));
        }
    }

    private static final class CountingStream extends ServletInputStream {

        private final ServletInputStream in;
        private final Limit limit;
        private final HttpServletRequest request;
        private long read;

        CountingStream(ServletInputStream in, Limit limit, HttpServletRequest request) {
            this.in = in;
            this.limit = limit;
            this.request = request;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws BodyTooLargeException {
            read += n;
            if (read > limit.size().toBytes()) {
                request.setAttribute(EXCEEDED, limit);
                throw new BodyTooLargeException(limit);
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
