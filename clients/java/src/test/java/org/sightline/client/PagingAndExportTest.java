package org.sightline.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.sightline.client.LocalServer.Reply;

/** Paged streams fetch a page only when it is needed; exports stream to a file that is complete or absent. */
@org.junit.jupiter.api.Timeout(60)
class PagingAndExportTest {

    private static Reply page(int from, int to, boolean hasNext, String endCursor) {
        StringBuilder edges = new StringBuilder();
        for (int i = from; i <= to; i++) {
            edges.append(i == from ? "" : ",").append("""
                    {"node": {"code": "Z0800000%d", "name": "District %d", "type": {"code": "lad", "name": "District"}}}""".formatted(i, i));
        }
        return Reply.json(200, """
                {"data": {"areas": {"totalCount": 5, "pageInfo": {"hasNextPage": %s, "endCursor": %s}, "edges": [%s]}}}"""
                .formatted(hasNext, endCursor == null ? "null" : "\"" + endCursor + "\"", edges));
    }

    @Test
    void aPagedStreamFollowsEndCursorAndFetchesOnlyThePagesItReads() throws IOException {
        try (LocalServer server = new LocalServer(page(1, 2, true, "c2"), page(3, 4, true, "c4"), page(5, 5, false, "c5"))) {
            SightlineClient client = SightlineClient.builder(server.url()).build();

            try (Stream<Area> areas = client.areas("lad", "Z12000001", null)) {
                assertThat(areas.limit(3).map(Area::code)).containsExactly("Z08000001", "Z08000002", "Z08000003");
            }
            assertThat(server.received()).hasSize(2);
            assertThat(server.received().get(0).bodyText()).contains("\"after\":null");
            assertThat(server.received().get(1).bodyText()).contains("\"after\":\"c2\"");
        }
        try (LocalServer server = new LocalServer(page(1, 2, true, "c2"), page(3, 4, true, "c4"), page(5, 5, false, "c5"))) {
            List<String> all = SightlineClient.builder(server.url()).build().areas("lad", null, null).map(Area::code).toList();
            assertThat(all).containsExactly("Z08000001", "Z08000002", "Z08000003", "Z08000004", "Z08000005");
            assertThat(server.received()).hasSize(3);
        }
    }

    @Test
    void anExportIsCopiedAsItArrivesWithItsQueryParameters() throws IOException {
        String csv = "\uFEFFindicator_id,area_code,value\ndemo-population,Z08000001,123\n";
        try (LocalServer server = new LocalServer(Reply.text(200, "text/csv;charset=UTF-8", csv))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            long bytes = SightlineClient.builder(server.url()).build().exportCsv(ObservationQuery.of("demo-population")
                            .within("Z12000001", "lsoa").periods("2022", "2023").breakdown("sex", "age_band").filter("age_band", "75+", "65-74"),
                    "Z92000001", ComparisonMethod.QUINTILES, out, TransferListener.NONE);

            assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(csv);
            assertThat(bytes).isEqualTo(csv.getBytes(StandardCharsets.UTF_8).length);
            assertThat(server.received().get(0).pathAndQuery()).isEqualTo("/api/v1/observations.csv?indicator=demo-population"
                    + "&within=Z12000001&level=lsoa&periods=2022%2C2023&breakdown=sex%2Cage_band&filter=age_band%3A75%2B%7C65-74"
                    + "&benchmark=Z92000001&comparison=QUINTILES");
        }
    }

    @Test
    void anExportThatBreaksOffLeavesNoFileThatLooksComplete() throws IOException {
        Path target = Path.of("target", "broken-export.csv");
        Files.deleteIfExists(target);
        String url = LocalServer.brokenOffAfter("indicator_id,area_code\nx,Z01000001\n".getBytes(StandardCharsets.UTF_8), 100_000);
        assertThatThrownBy(() -> SightlineClient.builder(url).build()
                .exportCsv(ObservationQuery.of("x").level("lsoa"), null, null, target, TransferListener.NONE))
                .isInstanceOf(UnavailableException.class).hasMessageContaining("incomplete");
        assertThat(target).doesNotExist();
        assertThat(target.resolveSibling("broken-export.csv.part")).doesNotExist();
    }
}
