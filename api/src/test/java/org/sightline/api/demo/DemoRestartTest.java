package org.sightline.api.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.sightline.api.DatabaseSnapshot;
import org.sightline.api.SightlineTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The README's first command run a second time: the demo data set is loaded again on a database
 * that has it, as on every restart. Every importer recognises what it has, so the start succeeds
 * and nothing is added or changed (a re-sent release once marked the loader's whole transaction
 * rollback-only, and the restarted server failed to start).
 */
class DemoRestartTest extends SightlineTest {

    @Autowired
    DemoDataLoader loader;
    @Autowired
    DSLContext db;

    @Test
    void loadingTheDemoAgainOnADatabaseThatHasItSucceedsAndChangesNothing() {
        Map<String, String> before = DatabaseSnapshot.of(db);

        loader.afterSingletonsInstantiated();

        Map<String, String> after = DatabaseSnapshot.of(db);
        // The data version may move (caches are dropped); what the data is may not.
        before.remove("data_version");
        after.remove("data_version");
        assertThat(after).isEqualTo(before);
    }
}
