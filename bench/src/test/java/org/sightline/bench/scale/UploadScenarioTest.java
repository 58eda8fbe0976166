package org.sightline.bench.scale;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Q6 counts an upload only when the server created a release of every row sent. */
class UploadScenarioTest {

    @Test
    void aNewReleaseOfEveryRowPasses() {
        assertThat(UploadScenario.receiptFailure(201, "{\"releaseId\": 7, \"rows\": 1970640, \"created\": true}", 1_970_640)).isEmpty();
    }

    @Test
    void aShortReceiptAnErrorOrAnExistingReleaseFails() {
        assertThat(UploadScenario.receiptFailure(201, "{\"rows\": 1000}", 1_970_640)).hasValueSatisfying(why -> assertThat(why)
                .contains("1000", "1970640"));
        assertThat(UploadScenario.receiptFailure(400, "{\"error\": \"bad\"}", 10)).hasValueSatisfying(why -> assertThat(why)
                .startsWith("HTTP 400"));
        assertThat(UploadScenario.receiptFailure(200, "{\"rows\": 10, \"created\": false}", 10)).isPresent();
    }

    @Test
    void theFileHoldsFiveYearsOfEveryLsoaBySexAndAgeBand() {
        ScaleIndicator indicator = new ScaleIndicator("scale-upload-1", "t", "OPEN", List.of("sex", "age_band"), UploadScenario.YEARS, 160);
        ScaleDataSet dataSet = new ScaleDataSet(1, List.of("E01000001", "E01000002"));
        String csv = dataSet.releaseCsv(indicator, UploadScenario.YEARS);

        assertThat(csv.lines()).hasSize(1 + 5 * 2 * 12).first().isEqualTo("area_code,period,sex,age_band,count");
        assertThat(csv).contains(dataSet.releaseCsv(indicator, "2021").lines().skip(1).reduce("", (a, b) -> a + b + "\n"));
    }
}
