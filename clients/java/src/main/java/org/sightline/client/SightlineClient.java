package org.sightline.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.Flow;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A client of one Sightline server. Thread-safe; make one and share it.
 *
 * <pre>{@code
 * SightlineClient sightline = SightlineClient.builder("https://sightline.example.gov.uk")
 *         .apiKey(System.getenv("SIGHTLINE_API_KEY"))
 *         .build();
 * try (Stream<Observation> rows = sightline.observations(
 *         ObservationQuery.of("demo-population").within("Z08000001", "ward").breakdown("sex"))) {
 *     rows.forEach(o -> System.out.println(o.area().name() + " " + o.label("sex") + " " + o.value()));
 * }
 * }</pre>
 *
 * Every method throws a {@link SightlineException} when the server refuses or cannot answer (see its
 * subclasses); methods that read or write local files also throw {@link IOException} for those files.
 */
public final class SightlineClient {

    /** The default page size of the paged streams (the server allows up to 10,000 observations a page). */
    public static final int DEFAULT_PAGE_SIZE = 1000;

    private static final String USER_AGENT = "sightline-java-client/"
            + Optional.ofNullable(SightlineClient.class.getPackage().getImplementationVersion()).orElse("dev");

    private final URI base;
    private final Map<String, String> credentials;
    private final Duration requestTimeout;
    private final Duration uploadTimeout;
    private final JsonMapper json;
    private final Transport transport;

    private SightlineClient(Builder builder) {
        String url = builder.url.endsWith("/") ? builder.url.substring(0, builder.url.length() - 1) : builder.url;
        this.base = URI.create(url);
        if (base.getScheme() == null || !(base.getScheme().equals("http") || base.getScheme().equals("https")) || base.getHost() == null) {
            throw new IllegalArgumentException("the server's URL must be http://host[:port] or https://host[:port], not " + builder.url);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        if (builder.apiKey != null && builder.bearerToken != null) {
            throw new IllegalArgumentException("give either an API key or a bearer token, not both");
        }
        if (builder.apiKey != null) {
            headers.put("X-API-Key", builder.apiKey);
        }
        if (builder.bearerToken != null) {
            headers.put("Authorization", "Bearer " + builder.bearerToken);
        }
        this.credentials = Map.copyOf(headers);
        this.requestTimeout = builder.requestTimeout;
        this.uploadTimeout = builder.uploadTimeout;
        this.json = JsonMapper.builder()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(tools.jackson.databind.cfg.EnumFeature.READ_UNKNOWN_ENUM_VALUES_AS_NULL)
                .build();
        HttpClient http = builder.httpClient != null ? builder.httpClient : HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(builder.connectTimeout)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        this.transport = new Transport(http, json, builder.retry, builder.random, builder.onRetry, Clock.systemUTC());
    }

    /** A builder for a client of the server at {@code url}, e.g. {@code http://localhost:8080}. */
    public static Builder builder(String url) {
        return new Builder(url);
    }

    // --- the catalogue and the geography ---

    /**
     * The catalogue ("who holds what"): indicators whose title, definition, id or topics contain
     * {@code search}, broken down by the characteristic type {@code characteristic} and available at
     * the area type {@code areaType}. Every criterion may be null. Fetched page by page as the stream is read.
     */
    public Stream<Indicator> catalogue(String search, String areaType, String characteristic) {
        return pages(after -> {
            Map<String, Object> variables = new LinkedHashMap<>();
            variables.put("search", search);
            variables.put("areaType", areaType);
            variables.put("characteristic", characteristic);
            variables.put("first", 200);
            variables.put("after", after);
            return page(graphql(Documents.CATALOGUE, variables).get("catalogue"), Indicator.class);
        });
    }

    /** One indicator by its id, or empty if there is none. */
    public Optional<Indicator> indicator(String id) {
        JsonNode node = graphql(Documents.INDICATOR_BY_ID, Map.of("id", id)).get("indicator");
        return node == null || node.isNull() ? Optional.empty() : Optional.of(json.treeToValue(node, Indicator.class));
    }

    /** Areas of a type ({@code lad}, {@code ward}, ...), optionally inside another area and matching a name; any may be null. */
    public Stream<Area> areas(String type, String within, String search) {
        return pages(after -> {
            Map<String, Object> variables = new LinkedHashMap<>();
            variables.put("type", type);
            variables.put("within", within);
            variables.put("search", search);
            variables.put("first", 1000);
            variables.put("after", after);
            return page(graphql(Documents.AREAS, variables).get("areas"), Area.class);
        });
    }

    /** One area by its code, or empty if there is none. */
    public Optional<Area> area(String code) {
        JsonNode node = graphql(Documents.AREA_BY_CODE, Map.of("code", code)).get("area");
        return node == null || node.isNull() ? Optional.empty() : Optional.of(json.treeToValue(node, Area.class));
    }

    // --- questions ---

    /**
     * One page of the answer: at most {@code first} observations after the cursor {@code after} (null
     * for the first page). {@link Page#endCursor()} is the next page's {@code after}.
     */
    public Page<Observation> observations(ObservationQuery query, int first, String after) {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("query", query.toGraphQl());
        variables.put("first", first);
        variables.put("after", after);
        return page(graphql(Documents.OBSERVATIONS, variables).get("observations"), Observation.class);
    }

    /** Every observation of the answer, fetched {@link #DEFAULT_PAGE_SIZE} at a time as the stream is read. */
    public Stream<Observation> observations(ObservationQuery query) {
        return observations(query, DEFAULT_PAGE_SIZE);
    }

    /** Every observation of the answer, fetched {@code pageSize} at a time as the stream is read. */
    public Stream<Observation> observations(ObservationQuery query, int pageSize) {
        if (pageSize < 1) {
            throw new IllegalArgumentException("the page size must be at least 1");
        }
        return pages(after -> observations(query, pageSize, after));
    }

    /**
     * Each area of the question beside a benchmark area (null: the country of the first area), by
     * {@code method} (null: {@link ComparisonMethod#CI_OVERLAP_95}).
     */
    public List<Comparison> compare(ObservationQuery query, String benchmark, ComparisonMethod method) {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("query", query.toGraphQl());
        variables.put("benchmark", benchmark);
        variables.put("method", method == null ? null : method.name());
        return list(graphql(Documents.COMPARE, variables).get("compare"), Comparison.class);
    }

    /** The areas of the question ranked by need within each period and characteristic combination. */
    public List<Ranking> rank(ObservationQuery query) {
        return list(graphql(Documents.RANK, Map.of("query", query.toGraphQl())).get("rank"), Ranking.class);
    }

    /** A time series per area over the question's periods (every period when it names none), with the recent trend. */
    public List<Trend> trend(ObservationQuery query) {
        return list(graphql(Documents.TREND, Map.of("query", query.toGraphQl())).get("trend"), Trend.class);
    }

    /** Every release of an indicator with its provenance, newest first. */
    public List<Release> releases(String indicator) {
        return list(graphql(Documents.RELEASES, Map.of("indicator", indicator)).get("releases"), Release.class);
    }

    /**
     * Any GraphQL document, for what the typed methods do not cover: returns {@code data}, or throws
     * the exception for the first error's classification.
     */
    public JsonNode graphql(String document, Map<String, Object> variables) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", document);
        body.put("variables", variables == null ? Map.of() : variables);
        HttpRequest request = request("/graphql", requestTimeout)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)))
                .build();
        HttpResponse<InputStream> response = transport.send(request, true);
        JsonNode answer = read(response, JsonNode.class);
        JsonNode errors = answer.path("errors");
        if (errors.isArray() && !errors.isEmpty()) {
            throw Errors.fromGraphQl(response.statusCode(), errors, null);
        }
        return answer.get("data");
    }

    // --- CSV export ---

    /**
     * The question as a CSV file ({@code GET /api/v1/observations.csv}) copied to {@code out} as it
     * arrives, never held whole; {@code benchmark} and {@code comparison} may be null (the defaults).
     * Returns the bytes written. If the connection breaks part-way an {@link UnavailableException}
     * says so: what was written is incomplete.
     *
     * @throws IOException when {@code out} cannot be written
     */
    public long exportCsv(ObservationQuery query, String benchmark, ComparisonMethod comparison, OutputStream out,
                          TransferListener progress) throws IOException {
        HttpRequest request = request("/api/v1/observations.csv?" + query.toQueryString(benchmark, comparison), requestTimeout)
                .header("Accept", "text/csv")
                .GET()
                .build();
        HttpResponse<InputStream> response = transport.send(request, true);
        long total = response.headers().firstValueAsLong("Content-Length").orElse(-1);
        long copied = 0;
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = response.body()) {
            while (true) {
                int read;
                try {
                    read = in.read(buffer);
                } catch (IOException broken) {
                    throw new UnavailableException("the export broke off after " + copied
                            + " bytes; what was written is incomplete (" + broken.getMessage() + ")", broken);
                }
                if (read < 0) {
                    break;
                }
                out.write(buffer, 0, read);
                copied += read;
                progress.transferred(copied, total);
            }
        }
        out.flush();
        return copied;
    }

    /** {@link #exportCsv(ObservationQuery, String, ComparisonMethod, OutputStream, TransferListener)} with the defaults. */
    public long exportCsv(ObservationQuery query, OutputStream out) throws IOException {
        return exportCsv(query, null, null, out, TransferListener.NONE);
    }

    /**
     * The question as a CSV file written to {@code file}: written beside it under a temporary name and
     * moved into place when complete, so {@code file} is never a truncated export.
     */
    public long exportCsv(ObservationQuery query, String benchmark, ComparisonMethod comparison, Path file,
                          TransferListener progress) throws IOException {
        Path target = file.toAbsolutePath();
        Path partial = target.resolveSibling(target.getFileName() + ".part");
        try (OutputStream out = Files.newOutputStream(partial)) {
            long bytes = exportCsv(query, benchmark, comparison, out, progress);
            out.close();
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
            return bytes;
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    // --- uploads ---

    /**
     * Publishes a release of {@code indicator} from a tidy CSV file
     * ({@code POST /api/v1/indicators/{id}/releases}), streamed from disk, never read into memory.
     * Retried as the {@link RetryPolicy} says, since the file can be sent again. A file with problems
     * gives a {@link BadRequestException} listing each line's problem; nothing is stored then.
     *
     * @throws IOException when the file cannot be read
     */
    public ReleaseReceipt uploadRelease(String indicator, Path file, ReleaseOptions options, TransferListener progress) throws IOException {
        ReleaseOptions provenance = options.fileName() == null ? options.fileName(file.getFileName().toString()) : options;
        HttpRequest request = releaseRequest(indicator, provenance, fileBody(file, progress));
        return read(transport.send(request, true), ReleaseReceipt.class);
    }

    /**
     * Publishes a release from a stream (read as it is sent). Sent once: a stream cannot be sent
     * again, so a 429 or 503 is not retried; upload from a {@link Path} to have it retried.
     */
    public ReleaseReceipt uploadRelease(String indicator, InputStream csv, ReleaseOptions options) {
        HttpRequest request = releaseRequest(indicator, options, HttpRequest.BodyPublishers.ofInputStream(() -> csv));
        return read(transport.send(request, false), ReleaseReceipt.class);
    }

    private HttpRequest releaseRequest(String indicator, ReleaseOptions options, HttpRequest.BodyPublisher body) {
        List<String> parameters = new ArrayList<>();
        addParameter(parameters, "agreement", options.agreement());
        addParameter(parameters, "corrects", options.corrects());
        addParameter(parameters, "reason", options.reason());
        addParameter(parameters, "method", options.method());
        String path = "/api/v1/indicators/" + segment(indicator) + "/releases" + (parameters.isEmpty() ? "" : "?" + String.join("&", parameters));
        HttpRequest.Builder request = request(path, uploadTimeout).header("Content-Type", "text/csv").POST(body);
        if (options.fileName() != null) {
            request.header("X-File-Name", headerSafe(options.fileName()));
        }
        return request.build();
    }

    /**
     * Uploads a record file to a record intake ({@code POST /api/v1/record-intakes/{id}/records}),
     * streamed from disk. The report says how many records were counted and why each other was rejected.
     */
    public IntakeReport uploadRecords(String intake, Path file, TransferListener progress) throws IOException {
        HttpRequest request = request("/api/v1/record-intakes/" + segment(intake) + "/records", uploadTimeout)
                .header("Content-Type", "text/csv")
                .POST(fileBody(file, progress))
                .build();
        return read(transport.send(request, true), IntakeReport.class);
    }

    /**
     * Loads geography (ADMIN): an ONS lookup CSV, a generic area CSV
     * ({@code area_code,area_name,area_type,parent_code,hierarchy}) or MSOA names JSON
     * ({@code POST /api/v1/geography}). Rejected rows are in the report, with their lines.
     */
    public GeographyImportReport importGeography(Path file) throws IOException {
        String type = file.getFileName().toString().toLowerCase().endsWith(".json") ? "application/json" : "text/csv";
        HttpRequest request = request("/api/v1/geography", uploadTimeout)
                .header("Content-Type", type)
                .POST(fileBody(file, TransferListener.NONE))
                .build();
        return read(transport.send(request, true), GeographyImportReport.class);
    }

    // --- plumbing ---

    private HttpRequest.Builder request(String pathAndQuery, Duration timeout) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + pathAndQuery))
                .timeout(timeout)
                .header("User-Agent", USER_AGENT);
        credentials.forEach(request::header);
        return request;
    }

    private static HttpRequest.BodyPublisher fileBody(Path file, TransferListener progress) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new java.nio.file.NoSuchFileException(file.toString(), null, "not a file that can be read");
        }
        HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.ofFile(file);
        return progress == TransferListener.NONE ? body : new CountingBody(body, progress);
    }

    private <T> T read(HttpResponse<InputStream> response, Class<T> type) {
        try (InputStream in = response.body()) {
            return json.readValue(in, type);
        } catch (IOException broken) {
            throw new UnavailableException("the connection broke while the answer was read: " + broken.getMessage(), broken);
        } catch (tools.jackson.core.JacksonException notTheAnswer) {
            // Not Sightline's JSON: e.g. a proxy's page answered 200 in its place.
            throw new ServerErrorException(response.statusCode(), null, "the answer from " + response.uri().getAuthority()
                    + " was not the JSON expected: " + notTheAnswer.getOriginalMessage(), List.of());
        }
    }

    private <T> Page<T> page(JsonNode connection, Class<T> type) {
        List<T> items = new ArrayList<>();
        for (JsonNode edge : connection.path("edges")) {
            items.add(json.treeToValue(edge.get("node"), type));
        }
        JsonNode pageInfo = connection.path("pageInfo");
        JsonNode cursor = pageInfo.get("endCursor");
        return new Page<>(items, connection.path("totalCount").asInt(), pageInfo.path("hasNextPage").asBoolean(),
                cursor == null || cursor.isNull() ? null : cursor.asString());
    }

    private <T> List<T> list(JsonNode array, Class<T> type) {
        JavaType listType = json.getTypeFactory().constructCollectionType(List.class, type);
        return json.treeToValue(array, listType);
    }

    /** A lazy stream over every page: the next page is fetched when the previous one has been read. */
    static <T> Stream<T> pages(Function<String, Page<T>> fetch) {
        Iterator<T> items = new Iterator<>() {
            private Iterator<T> current;
            private Page<T> page;

            @Override
            public boolean hasNext() {
                while (current == null || !current.hasNext()) {
                    if (page != null && (!page.hasNextPage() || page.endCursor() == null)) {
                        return false;
                    }
                    page = fetch.apply(page == null ? null : page.endCursor());
                    current = page.items().iterator();
                    if (!current.hasNext() && !page.hasNextPage()) {
                        return false;
                    }
                }
                return true;
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return current.next();
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(items, Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    private static void addParameter(List<String> parameters, String name, String value) {
        if (value != null) {
            parameters.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
    }

    private static String segment(String pathSegment) {
        return URLEncoder.encode(Objects.requireNonNull(pathSegment), StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** HTTP header values are ASCII: anything else in a file name becomes '_'. */
    private static String headerSafe(String text) {
        return text.replaceAll("[^\\x20-\\x7E]", "_");
    }

    /** A request body that tells a listener how many bytes have been handed to the connection. */
    private static final class CountingBody implements HttpRequest.BodyPublisher {

        private final HttpRequest.BodyPublisher body;
        private final TransferListener listener;

        CountingBody(HttpRequest.BodyPublisher body, TransferListener listener) {
            this.body = body;
            this.listener = listener;
        }

        @Override
        public long contentLength() {
            return body.contentLength();
        }

        @Override
        public void subscribe(Flow.Subscriber<? super ByteBuffer> subscriber) {
            long total = body.contentLength();
            body.subscribe(new Flow.Subscriber<ByteBuffer>() {
                private long sent;

                @Override
                public void onSubscribe(Flow.Subscription subscription) {
                    subscriber.onSubscribe(subscription);
                }

                @Override
                public void onNext(ByteBuffer item) {
                    sent += item.remaining();
                    subscriber.onNext(item);
                    listener.transferred(sent, total);
                }

                @Override
                public void onError(Throwable throwable) {
                    subscriber.onError(throwable);
                }

                @Override
                public void onComplete() {
                    subscriber.onComplete();
                }
            });
        }
    }

    /** How to reach the server and what to do when it is busy. */
    public static final class Builder {

        private final String url;
        private String apiKey;
        private String bearerToken;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration requestTimeout = Duration.ofSeconds(60);
        private Duration uploadTimeout = Duration.ofHours(1);
        private RetryPolicy retry = RetryPolicy.DEFAULT;
        private HttpClient httpClient;
        private Consumer<RetryNotice> onRetry = notice -> {
        };
        private RandomGenerator random = RandomGenerator.getDefault();

        private Builder(String url) {
            this.url = Objects.requireNonNull(url, "url").strip();
        }

        /** Send {@code X-API-Key: key} (partner systems); null for none. */
        public Builder apiKey(String key) {
            this.apiKey = key == null || key.isBlank() ? null : key.strip();
            return this;
        }

        /** Send {@code Authorization: Bearer token} (a JWT from the identity provider); null for none. */
        public Builder bearerToken(String token) {
            this.bearerToken = token == null || token.isBlank() ? null : token.strip();
            return this;
        }

        /** How long to wait for a connection (default 10 s). */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = positive(timeout);
            return this;
        }

        /** How long to wait for the answer to a question or the start of an export (default 60 s). */
        public Builder requestTimeout(Duration timeout) {
            this.requestTimeout = positive(timeout);
            return this;
        }

        /** How long an upload may take, sending included (default 1 hour). */
        public Builder uploadTimeout(Duration timeout) {
            this.uploadTimeout = positive(timeout);
            return this;
        }

        /** When to ask again (default {@link RetryPolicy#DEFAULT}; {@link RetryPolicy#NONE} never). */
        public Builder retry(RetryPolicy policy) {
            this.retry = Objects.requireNonNull(policy);
            return this;
        }

        /** Told before each retry, e.g. to log it. */
        public Builder onRetry(Consumer<RetryNotice> listener) {
            this.onRetry = Objects.requireNonNull(listener);
            return this;
        }

        /** Your own HttpClient (a proxy, TLS settings); the connect timeout is then its own. */
        public Builder httpClient(HttpClient client) {
            this.httpClient = client;
            return this;
        }

        /** The source of the retries' jitter (for tests). */
        Builder random(RandomGenerator generator) {
            this.random = Objects.requireNonNull(generator);
            return this;
        }

        public SightlineClient build() {
            return new SightlineClient(this);
        }

        private static Duration positive(Duration timeout) {
            if (timeout == null || timeout.isZero() || timeout.isNegative()) {
                throw new IllegalArgumentException("a timeout must be positive");
            }
            return timeout;
        }
    }
}
