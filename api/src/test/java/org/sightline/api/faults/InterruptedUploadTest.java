package org.sightline.api.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sightline.api.Api;
import org.sightline.api.TestIndicators;
import org.sightline.api.DatabaseSnapshot;
import org.sightline.api.SightlineTest;
import org.sightline.api.demo.DemoDataSet;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;

/**
 * An upload whose client goes away half-way - the connection reset, or closed before the body it
 * declared - leaves nothing anyone can see: no release, no cell, no period, no intake upload, the
 * same answers for the public and the steward, every table as it was; and it holds nothing: the
 * import's transaction and its COPY end at once, the pool has every connection back, the
 * indicator's lock is free, so the next upload (the whole file this time) is published at once.
 * The server logs the abandoned upload as one line, not as a server fault with a stack trace.
 */
@ExtendWith(OutputCaptureExtension.class)
class InterruptedUploadTest extends SightlineTest {

    private static final String INDICATOR = "test-interrupted-upload";
    private static final List<String> SEXES = List.of("F", "M");
    /** Months 2000-01 to 2009-12: with the 600 demo LSOAs and two sexes, 144,000 cells, about 3.3 MB. */
    private static final List<String> MONTHS = months(2000, 10);
    private static final String COUNTRY_BY_PERIOD = """
            query($indicator: ID!) {
              observations(query: {indicator: $indicator, areas: {codes: ["%s"]}, periods: {from: "1990", to: "2030"}}, first: 1000) {
                edges { node { period { code } count disclosure { status } } } } }""".formatted(DemoDataSet.COUNTRY);
    private static final String RELEASES = """
            query($id: ID!) { releases(indicator: $id) { id version status periods cells fileSha256 } }""";

    /** How the client goes away. */
    private enum Cut {
        /** A declared Content-Length, part of it sent, then the connection reset (RST). */
        RESET_WITH_CONTENT_LENGTH(false, true),
        /** Chunked, cut inside a chunk, then the connection reset. */
        RESET_WHILE_CHUNKED(true, true),
        /** A declared Content-Length, part of it sent, then the connection closed normally (FIN): the body just ends early. */
        CLOSED_WITH_CONTENT_LENGTH(false, false),
        /** Chunked, closed normally inside a chunk, without the last chunk. */
        CLOSED_WHILE_CHUNKED(true, false);

        final boolean chunked;
        final boolean reset;

        Cut(boolean chunked, boolean reset) {
            this.chunked = chunked;
            this.reset = reset;
        }
    }

    @Autowired
    DSLContext db;

    @Autowired
    DataSource dataSource;

    @Test
    @Timeout(180)
    void aReleaseUploadCutOffHalfWayLeavesNothingVisibleAndHoldsNoConnectionOrLock(CapturedOutput output) throws Exception {
        defineIndicator();
        String first = "area_code,period,sex,count\n" + "Z01000001,2023,F,40\nZ01000001,2023,M,38\nZ01000002,2023,F,12\n";
        assertThat(api("demo-steward").post(releasesPath(), first.getBytes(StandardCharsets.UTF_8), "text/csv").status()).isEqualTo(201);

        // Rows by LSOA, then month, then sex: every period is met (and stored) within the first
        // LSOA, then the cells stream in one long COPY.
        StringBuilder csv = new StringBuilder("area_code,period,sex,count\n");
        Map<String, Long> expected = new TreeMap<>();
        SplittableRandom random = new SplittableRandom(12);
        int rows = 0;
        for (int lsoa = 1; lsoa <= 600; lsoa++) {
            for (String month : MONTHS) {
                for (String sex : SEXES) {
                    int count = random.nextInt(500);
                    csv.append(String.format("Z01%06d", lsoa)).append(',').append(month).append(',').append(sex).append(',')
                            .append(count).append('\n');
                    expected.merge(month, (long) count, Long::sum);
                    rows++;
                }
            }
        }
        expected.put("2023", 90L);
        byte[] file = csv.toString().getBytes(StandardCharsets.UTF_8);

        Map<String, Object> seenBefore = seen();
        int logFrom = output.getAll().length();
        for (Cut cut : Cut.values()) {
            // Taken before each cut: the questions below are audited.
            Map<String, String> tablesBefore = DatabaseSnapshot.of(db);
            // Three fifths of the file, cut in the middle of a line: what arrived is itself a valid file.
            int sent = file.length * 3 / 5 + 7;
            Integer answered = cutOff(releasesPath(), file, sent, cut, this::copyingCells);
            if (answered != null) {
                assertThat(answered).as(cut + ": a body that ended early is not a release").isBetween(400, 499);
            }
            awaitNothingHeld(cut);
            assertThat(DatabaseSnapshot.of(db)).as(cut + ": every table as it was").isEqualTo(tablesBefore);
            assertThat(seen()).as(cut + ": what the public and the steward see").isEqualTo(seenBefore);
        }
        String logged = output.getAll().substring(logFrom);
        assertThat(logged).as("an abandoned upload is the client's doing, not a server fault").doesNotContain("\tat ")
                .doesNotContain(" ERROR ");
        // One line for each, saying what happened.
        assertThat(logged.split("the client went away", -1)).hasSize(Cut.values().length + 1);

        // The indicator's lock and the pool are free: a small release goes straight in, then the whole file.
        Instant asked = Instant.now();
        String small = "area_code,period,sex,count\nZ01000001,2024,F,5\n";
        assertThat(api("demo-steward").post(releasesPath(), small.getBytes(StandardCharsets.UTF_8), "text/csv").status()).isEqualTo(201);
        assertThat(Duration.between(asked, Instant.now())).isLessThan(Duration.ofSeconds(5));
        expected.put("2024", 5L);
        Api.Response whole = api("demo-steward").post(releasesPath(), file, "text/csv");
        assertThat(whole.status()).as(whole.body().toString()).isEqualTo(201);
        assertThat(whole.body().get("rows").asInt()).isEqualTo(rows);
        for (Api caller : List.of(api(), api("demo-steward"))) {
            assertThat(countryByPeriod(caller)).isEqualTo(expected);
        }
        assertThat(api("demo-steward").data(RELEASES, Map.of("id", INDICATOR)).at("/releases/0/cells").asInt()).isEqualTo(rows);
    }

    @Test
    @Timeout(120)
    void aRecordFileCutOffHalfWayLeavesNothingVisibleAndHoldsNothing(CapturedOutput output) throws Exception {
        Map<String, Object> intake = new LinkedHashMap<>();
        intake.put("id", "test-interrupted-intake");
        intake.put("organisation", "demo-wessex-council");
        intake.put("title", "Interrupted record files (test)");
        intake.put("columns", List.of(Map.of("name", "postcode", "role", "POSTCODE"), Map.of("name", "contact_date", "role", "CONTACT_DATE"),
                Map.of("name", "need", "role", "NEED", "codelist", "support_need")));
        intake.put("needs", List.of("housing"));
        intake.put("periodRule", "FINANCIAL_YEAR");
        intake.put("grain", "lsoa");
        intake.put("disclosureClass", "OPEN");
        intake.put("contributionBound", 1);
        Api.Response defined = api("demo-steward").postJson("/api/v1/record-intakes", intake);
        assertThat(defined.status()).as(defined.body().toString()).isEqualTo(201);

        List<String> postcodes = livePostcodes();
        SplittableRandom random = new SplittableRandom(13);
        StringBuilder csv = new StringBuilder("postcode,contact_date,need\n");
        int records = 120_000;
        for (int i = 0; i < records; i++) {
            csv.append(postcodes.get(random.nextInt(postcodes.size()))).append(',')
                    .append(LocalDate.of(2023, 4, 1).plusDays(random.nextInt(366))).append(",housing\n");
        }
        byte[] file = csv.toString().getBytes(StandardCharsets.UTF_8);
        String path = "/api/v1/record-intakes/test-interrupted-intake/records";

        Map<String, String> tablesBefore = DatabaseSnapshot.of(db);
        int logFrom = output.getAll().length();
        for (Cut cut : Cut.values()) {
            Integer answered = cutOff(path, file, file.length / 2 + 5, cut, this::importOpen);
            if (answered != null) {
                assertThat(answered).as(cut + ": a record file that ended early is not counted").isBetween(400, 499);
            }
            awaitNothingHeld(cut);
            assertThat(DatabaseSnapshot.of(db)).as(cut + ": every table as it was").isEqualTo(tablesBefore);
        }
        String logged = output.getAll().substring(logFrom);
        assertThat(logged).doesNotContain("\tat ").doesNotContain(" ERROR ");
        assertThat(logged.split("the client went away", -1)).hasSize(Cut.values().length + 1);

        Api.Response whole = api("demo-steward").post(path, file, "text/csv");
        assertThat(whole.status()).as(whole.body().toString()).isEqualTo(201);
        assertThat(whole.body().get("rowsRead").asInt()).isEqualTo(records);
        assertThat(whole.body().get("rowsAccepted").asInt()).isEqualTo(records);
    }

    // --- the client that goes away ---

    /**
     * Sends the request head and the first {@code sent} bytes of {@code file} (declared whole, or
     * chunked), waits until the server is busy with it, then goes away as {@code cut} says.
     *
     * @return the status the server answered after a normal close, or null after a reset
     */
    private Integer cutOff(String path, byte[] file, int sent, Cut cut, Busy busy) throws Exception {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            String head = "POST " + path + " HTTP/1.1\r\nHost: localhost:" + port + "\r\nX-API-Key: demo-steward\r\n"
                    + "Content-Type: text/csv\r\nConnection: close\r\n"
                    + (cut.chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + file.length + "\r\n") + "\r\n";
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            if (cut.chunked) {
                int chunk = 1 << 16;
                int offset = 0;
                while (offset + chunk <= sent) {
                    out.write((Integer.toHexString(chunk) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(file, offset, chunk);
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                    offset += chunk;
                }
                // A chunk announced whole, sent in part.
                out.write((Integer.toHexString(chunk) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(file, offset, sent - offset);
            } else {
                out.write(file, 0, sent);
            }
            out.flush();
            Instant deadline = Instant.now().plusSeconds(20);
            boolean started = false;
            while (!(started = busy.started()) && Instant.now().isBefore(deadline)) {
                Thread.sleep(20);
            }
            assertThat(started).as(cut + ": the server was importing when the client went away").isTrue();
            if (cut.reset) {
                socket.setSoLinger(true, 0);
                socket.close();
                return null;
            }
            socket.shutdownOutput();
            return statusOf(socket.getInputStream());
        }
    }

    private interface Busy {
        boolean started();
    }

    /** The release's cells are being copied into the database: a COPY is open and has taken rows. */
    private boolean copyingCells() {
        return number("SELECT coalesce(max(tuples_processed), 0) FROM pg_stat_progress_copy WHERE command = 'COPY FROM'") > 0;
    }

    /** The upload's transaction is open: a server connection waits inside it (for the body). */
    private boolean importOpen() {
        return number("SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'client backend' AND pid <> pg_backend_pid() "
                + "AND state LIKE 'idle in transaction%'") > 0;
    }

    private long number(String sql) {
        return db.fetchOne(sql).get(0, Long.class);
    }

    private static Integer statusOf(InputStream in) throws IOException {
        byte[] answer = in.readAllBytes();
        String text = new String(answer, StandardCharsets.ISO_8859_1);
        assertThat(text).startsWith("HTTP/1.1 ");
        return Integer.parseInt(text.substring(9, 12));
    }

    /**
     * Within a few seconds the server holds nothing for the abandoned upload: every pooled
     * connection is back, no COPY runs and no transaction is left open.
     */
    private void awaitNothingHeld(Cut cut) throws Exception {
        var pool = dataSource.unwrap(HikariDataSource.class).getHikariPoolMXBean();
        Instant deadline = Instant.now().plusSeconds(5);
        int active;
        long open;
        do {
            Thread.sleep(20);
            active = pool.getActiveConnections();
            open = number("SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'client backend' AND pid <> pg_backend_pid() "
                    + "AND state <> 'idle'");
        } while ((active > 0 || open > 0) && Instant.now().isBefore(deadline));
        assertThat(active).as(cut + ": connections the server still uses").isZero();
        assertThat(open).as(cut + ": transactions or statements still open").isZero();
    }

    // --- what callers see ---

    /** The indicator's releases as its steward sees them, and its country totals for the public and for the steward. */
    private Map<String, Object> seen() {
        Map<String, Object> seen = new LinkedHashMap<>();
        seen.put("releases", api("demo-steward").data(RELEASES, Map.of("id", INDICATOR)));
        seen.put("public", countryByPeriod(api()));
        seen.put("steward", countryByPeriod(api("demo-steward")));
        return seen;
    }

    private static Map<String, Long> countryByPeriod(Api caller) {
        Map<String, Long> totals = new TreeMap<>();
        for (JsonNode edge : caller.data(COUNTRY_BY_PERIOD, Map.of("indicator", INDICATOR)).at("/observations/edges")) {
            assertThat(edge.at("/node/disclosure/status").asString()).isEqualTo("EXACT");
            totals.put(edge.at("/node/period/code").asString(), edge.at("/node/count").asLong());
        }
        return totals;
    }

    private void defineIndicator() {
        Map<String, Object> body = TestIndicators.countBySex(INDICATOR, "Interrupted uploads (test)",
                "Contacts, to test uploads cut off half-way.");
        body.put("unit", "contacts");
        assertThat(admin().postJson("/api/v1/indicators", body).status()).isIn(200, 201);
    }

    private static String releasesPath() {
        return "/api/v1/indicators/" + INDICATOR + "/releases";
    }

    private static List<String> months(int from, int years) {
        List<String> months = new ArrayList<>();
        for (int year = from; year < from + years; year++) {
            for (int month = 1; month <= 12; month++) {
                months.add(String.format("%d-%02d", year, month));
            }
        }
        return months;
    }

    /** The demo directory's postcodes still in use. */
    private static List<String> livePostcodes() throws IOException {
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(new String(new DemoDataSet().postcodeDirectoryCsv(), StandardCharsets.UTF_8))).getRecords();
        return rows.stream().filter(r -> r.get("doterm").isBlank()).map(r -> r.get("pcds")).toList();
    }
}
