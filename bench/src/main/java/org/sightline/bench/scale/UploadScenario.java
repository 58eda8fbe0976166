package org.sightline.bench.scale;

import java.io.BufferedWriter;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.sightline.bench.raw.ProcessRun;
import org.sightline.bench.raw.Psql;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Q6, the upload of a 2-million-row release: a fresh OPEN indicator by sex x age band (slug
 * {@code scale-upload-<epoch seconds>}, so every run uploads to an empty indicator), then ONE
 * release file of 5 years x 32,844 English LSOAs x 12 combinations = 1,970,640 rows posted to
 * {@code /api/v1/indicators/{id}/releases} and timed from sending it to having the receipt, which
 * must be HTTP 201 and count every row sent. Needs an ADMIN key. Uploads are measured one at a time:
 * the server serialises the uploads of one indicator, and one upload already keeps the database busy.
 *
 * <p>Raw-SQL baseline: the same rows, their codes resolved to ids beforehand, {@code \copy}'d by
 * {@code psql} straight into {@code observation} (its unique cell index and foreign keys checked
 * as for the API's rows) for an indicator and release inserted in the same transaction, which is
 * then rolled back; timed as the wall clock around psql.
 */
public final class UploadScenario {

    public static final String NAME = "q6-upload-2m-rows";
    static final List<String> YEARS = List.of("2019", "2020", "2021", "2022", "2023");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final URI url;
    private final String apiKey;
    private final List<String> lsoas;
    private final long seed;
    private final Duration timeout;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(30)).build();

    /**
     * @param lsoas   the LSOAs of the file (all of England's for the 2-million-row figure)
     * @param timeout the longest the upload, or the raw copy, may take
     */
    public UploadScenario(URI url, String apiKey, List<String> lsoas, long seed, Duration timeout) {
        this.url = url;
        this.apiKey = apiKey;
        this.lsoas = List.copyOf(lsoas);
        this.seed = seed;
        this.timeout = timeout;
    }

    /** England's LSOAs from the ONS lookup under {@code data/ons}, the first {@code limit} of them when it is positive. */
    public static List<String> lsoas(Path data, int limit) throws IOException {
        List<String> all = LoadScaleData.englishLsoas(data.resolve("ons").resolve("lsoa11_ward19_lad19.csv"));
        return limit > 0 ? all.subList(0, Math.min(limit, all.size())) : all;
    }

    public static String question(int rows) {
        return String.format(Locale.ROOT, "Q6 upload: one release of %,d rows (5 years x LSOAs x sex x age band) to a fresh OPEN indicator",
                rows);
    }

    /** What one upload (and, with a baseline, one raw copy) took. */
    public record Outcome(String indicator, long rows, long httpNanos, long receiptBytes, Optional<String> failure,
                          OptionalLong rawNanos, Optional<String> rawFailure) {

        /** One line for the report: seconds and rows per second of both. */
        public String summary() {
            String line = String.format(Locale.ROOT, "%s: %,d rows to %s over HTTP in %.1f s, %,.0f rows/s%s", NAME, rows, indicator,
                    httpNanos / 1e9, rows / (httpNanos / 1e9), failure.map(why -> " (FAILED: " + why + ")").orElse(""));
            if (rawNanos.isPresent()) {
                line += String.format(Locale.ROOT, "; raw SQL \\copy of the same rows in a rolled-back transaction in %.1f s, %,.0f rows/s%s",
                        rawNanos.getAsLong() / 1e9, rows / (rawNanos.getAsLong() / 1e9),
                        rawFailure.map(why -> " (FAILED: " + why + ")").orElse(""));
            } else {
                line += rawFailure.map(why -> "; raw SQL copy FAILED: " + why).orElse("");
            }
            return line + "; uploads are measured one at a time (concurrency 1), as the server serialises the uploads of one indicator";
        }
    }

    /** Uploads the release; then, when {@code psql} is given, copies the same rows raw. */
    public Outcome run(Optional<Psql> psql, Path workDirectory) throws IOException, InterruptedException {
        String slug = "scale-upload-" + Instant.now().getEpochSecond();
        ScaleIndicator indicator = new ScaleIndicator(slug, "Generated upload " + slug, "OPEN", List.of("sex", "age_band"), YEARS, 160.0);
        ScaleDataSet dataSet = new ScaleDataSet(seed, lsoas);
        long rows = dataSet.rowsPerPeriod(indicator) * YEARS.size();
        String csv = dataSet.releaseCsv(indicator, YEARS);

        HttpResponse<String> created = post("/api/v1/indicators", JSON.writeValueAsBytes(indicator.definition()), "application/json");
        if (created.statusCode() / 100 != 2) {
            throw new IOException("creating indicator " + slug + ": HTTP " + created.statusCode() + " " + abbreviate(created.body()));
        }
        byte[] body = csv.getBytes(StandardCharsets.UTF_8);
        long start = System.nanoTime();
        HttpResponse<String> receipt;
        Optional<String> failure;
        try {
            receipt = post("/api/v1/indicators/" + slug + "/releases", body, "text/csv");
            failure = receiptFailure(receipt.statusCode(), receipt.body(), rows);
        } catch (IOException e) {
            receipt = null;
            failure = Optional.of("no answer: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()));
        }
        long httpNanos = System.nanoTime() - start;
        long receiptBytes = receipt == null ? 0 : receipt.body().length();

        if (psql.isEmpty()) {
            return new Outcome(slug, rows, httpNanos, receiptBytes, failure, OptionalLong.empty(), Optional.empty());
        }
        try {
            long rawNanos = rawCopy(psql.get(), csv, rows, workDirectory);
            return new Outcome(slug, rows, httpNanos, receiptBytes, failure, OptionalLong.of(rawNanos), Optional.empty());
        } catch (IOException e) {
            return new Outcome(slug, rows, httpNanos, receiptBytes, failure, OptionalLong.empty(), Optional.of(e.getMessage()));
        }
    }

    /** Why the receipt is not that of a new release of {@code rows} rows, empty when it is. */
    static Optional<String> receiptFailure(int status, String body, long rows) {
        if (status != 201) {
            return Optional.of("HTTP " + status + " (201 Created expected): " + abbreviate(body));
        }
        try {
            JsonNode receipt = JSON.readTree(body);
            if (!receipt.path("rows").isNumber() || receipt.path("rows").asLong() != rows) {
                return Optional.of("the receipt counts " + receipt.path("rows") + " rows, " + rows + " were sent");
            }
        } catch (JacksonException e) {
            return Optional.of("the receipt is not JSON: " + abbreviate(body));
        }
        return Optional.empty();
    }

    /**
     * Copies the rows of {@code csv} into {@code observation} with psql, their codes resolved to
     * ids (not timed), in a transaction that is rolled back; returns the wall-clock time of psql.
     */
    private long rawCopy(Psql psql, String csv, long rows, Path workDirectory) throws IOException, InterruptedException {
        Map<String, String> areas = new HashMap<>();
        psql.rows("SELECT code, id FROM area WHERE area_type = 'lsoa'").forEach(row -> areas.put(row[0], row[1]));
        Map<String, String> periods = new HashMap<>();
        psql.rows("SELECT code, id FROM period").forEach(row -> periods.put(row[0], row[1]));
        Map<String, String> values = new HashMap<>(); // "sex|F" -> id
        psql.rows("SELECT t.code, v.code, v.id FROM characteristic_value v JOIN characteristic_type t ON t.id = v.type_id"
                + " WHERE t.code IN ('sex', 'age_band')").forEach(row -> values.put(row[0] + "|" + row[1], row[2]));
        // Ids taken from the tables' own sequences, so no other indicator or release can have them.
        String[] ids = psql.rows("SELECT nextval(pg_get_serial_sequence('indicator', 'id')), nextval(pg_get_serial_sequence('release', 'id'))")
                .get(0);
        String indicatorId = ids[0];
        String releaseId = ids[1];

        Path file = Files.createTempFile(workDirectory, "q6-rows-", ".csv");
        Path script = Files.createTempFile(workDirectory, "q6-copy-", ".sql");
        try {
            try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                csv.lines().skip(1).forEach(line -> {
                    String[] f = line.split(",");
                    String area = areas.get(f[0]);
                    String period = periods.get(f[1]);
                    String sex = values.get("sex|" + f[2]);
                    String age = values.get("age_band|" + f[3]);
                    if (area == null || period == null || sex == null || age == null) {
                        throw new IllegalStateException("the database does not know a code of the row " + line
                                + " (is the scale data set loaded?)");
                    }
                    try {
                        out.write(releaseId + ',' + indicatorId + ',' + area + ',' + period + ',' + sex + ',' + age + ",,," + f[4] + '\n');
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
            }
            String slug = "raw-copy-" + releaseId;
            Files.writeString(script, """
                    BEGIN;
                    INSERT INTO indicator (id, slug, title, definition, unit, measure_type, polarity, disclosure_class, source, licence)
                        VALUES (%s, '%s', 'Raw copy baseline', 'Rolled back', 'people', 'ADDITIVE_COUNT', 'NO_JUDGEMENT', 'OPEN',
                                'sightline-bench', 'OGL v3.0');
                    INSERT INTO release (id, indicator_id, version, status, file_sha256, row_count, area_type, uploaded_by)
                        VALUES (%s, %s, 1, 'STAGING', repeat('0', 64), %d, 'lsoa', 'sightline-bench raw-sql baseline');
                    \\copy observation (release_id, indicator_id, area_id, period_id, c1_value_id, c2_value_id, c3_value_id, c4_value_id, count) FROM '%s' WITH (FORMAT csv)
                    ROLLBACK;
                    """.formatted(indicatorId, slug, releaseId, indicatorId, rows, file.toAbsolutePath()), StandardCharsets.UTF_8);
            ProcessRun run = psql.script(script);
            if (!run.stdout().contains("COPY " + rows)) {
                throw new IOException("psql did not copy " + rows + " rows: " + abbreviate(run.stdout() + " " + run.stderr()));
            }
            return run.elapsedNanos();
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(script);
        }
    }

    private HttpResponse<String> post(String path, byte[] body, String contentType) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url.toString().replaceAll("/+$", "") + path))
                .header("X-API-Key", apiKey).header("Content-Type", contentType).timeout(timeout)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String abbreviate(String text) {
        String oneLine = text == null ? "" : text.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= 300 ? oneLine : oneLine.substring(0, 300) + "...";
    }
}
