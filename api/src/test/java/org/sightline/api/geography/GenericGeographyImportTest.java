package org.sightline.api.geography;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sightline.api.Api;
import org.sightline.api.SightlineTest;
import tools.jackson.databind.JsonNode;

/** The generic area CSV: good rows land, bad rows are reported with their line, a second load adds nothing. */
class GenericGeographyImportTest extends SightlineTest {

    @Test
    void importsGoodRowsReportsBadOnesAndIsIdempotent() {
        String file = """
                area_code,area_name,area_type,parent_code,hierarchy
                Y08000001,Test District,lad,Z12000001,admin
                Y05000001,Test Ward,ward,Y08000001,
                Y05000002,Orphan Ward,ward,Y08999999,admin
                Y05000003,Odd Ward,parish,Y08000001,admin
                Y05000001,Test Ward,ward,Z08000001,admin
                """;
        Api.Response first = admin().post("/api/v1/geography", file.getBytes(StandardCharsets.UTF_8), "text/csv");
        assertThat(first.status()).isEqualTo(200);
        JsonNode report = first.body();
        assertThat(report.get("format").asString()).isEqualTo("generic");
        assertThat(report.get("areasAdded").asInt()).isEqualTo(2);
        assertThat(report.get("linksAdded").asInt()).isEqualTo(2);
        assertThat(report.get("rejectedRows")).hasSize(3);
        assertThat(report.at("/rejectedRows/0/line").asInt()).isEqualTo(4);
        assertThat(report.at("/rejectedRows/0/reason").asString()).contains("Y08999999").contains("not known");
        assertThat(report.at("/rejectedRows/1/line").asInt()).isEqualTo(5);
        assertThat(report.at("/rejectedRows/1/reason").asString()).contains("parish");
        assertThat(report.at("/rejectedRows/2/line").asInt()).isEqualTo(6);
        assertThat(report.at("/rejectedRows/2/reason").asString()).contains("already belongs to Y08000001");

        Api.Response second = admin().post("/api/v1/geography", file.getBytes(StandardCharsets.UTF_8), "text/csv");
        assertThat(second.body().get("areasAdded").asInt()).isZero();
        assertThat(second.body().get("linksAdded").asInt()).isZero();

        JsonNode ward = api().data("{ area(code: \"Y05000001\") { parent(type: \"region\") { code } } }", Map.of());
        assertThat(ward.at("/area/parent/code").asString()).isEqualTo("Z12000001");
    }

    @Test
    void repairsNamesThatWereEncodedTwice() {
        assertThat(GeographyImporter.repairDoubleEncoding("Canolbarth M\u00c3\u00b4n")).isEqualTo("Canolbarth M\u00f4n");
        assertThat(GeographyImporter.repairDoubleEncoding("Ynys M\u00f4n")).isEqualTo("Ynys M\u00f4n");
        assertThat(GeographyImporter.repairDoubleEncoding("Trafford")).isEqualTo("Trafford");
    }
}
