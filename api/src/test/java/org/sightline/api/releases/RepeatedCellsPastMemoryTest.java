package org.sightline.api.releases;

import org.sightline.api.TestIndicators;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sightline.api.SightlineTest;
import org.sightline.api.indicators.Indicators;
import org.sightline.api.versions.DataVersion;
import org.sightline.api.web.InvalidFileException;
import org.sightline.domain.access.Caller;
import org.sightline.domain.access.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A release file of more cells than are remembered with their lines: memory stays bounded, and a
 * cell repeated past that point is still refused - by the cells' unique key as they are stored -
 * with a message that says what is wrong, and nothing is published.
 */
class RepeatedCellsPastMemoryTest extends SightlineTest {

    @Autowired
    Indicators indicators;
    @Autowired
    Releases releases;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    DataVersion dataVersion;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactions;

    @Test
    void aCellRepeatedPastTheRememberedOnesIsRefusedAndNothingIsPublished() {
        Map<String, Object> body = TestIndicators.countBySex("test-repeated-cells", "Repeated cells (test)",
                "A file that repeats a cell after the first cells.");
        assertThat(admin().postJson("/api/v1/indicators", body).status()).isIn(200, 201);
        // Remembers two cells only; the fourth row repeats the third.
        ReleaseImporter importer = new ReleaseImporter(indicators, releases, events, dataVersion, transactions, 1_000_000_000_000L, 2);
        String file = "area_code,period,sex,count\nZ01000001,2021,F,1\nZ01000001,2021,M,2\nZ01000002,2021,F,3\nZ01000002,2021,F,4\n";

        Throwable refused = catchThrowable(() -> transaction.executeWithoutResult(status -> importer.importRelease("test-repeated-cells",
                new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8)), "repeated.csv",
                new Caller("test", Role.ADMIN, 1), Provenance.UPLOAD)));

        assertThat(refused).isInstanceOf(InvalidFileException.class).hasMessageContaining("same cell");
        assertThat(api().data("{ releases(indicator: \"test-repeated-cells\") { id } }", Map.of()).get("releases")).isEmpty();
    }
}
