package org.sightline.api.agreements;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sightline.api.StatementCounter;
import org.sightline.api.time.ServiceClock;

/**
 * Reading the register costs the same few statements for a page of 2 agreements as for a page
 * of 20, nested fields included (parties and indicators with the agreements, then one batch each
 * for history and organisations): no statement per agreement can slip in.
 */
class RegisterStatementsTest extends RegisterTestBase {

    private static final String PAGE = "query($first: Int) { agreements(first: $first) { totalCount edges { node { "
            + AGREEMENT_FIELDS + " } } } }";

    @Test
    void aPageOfTheRegisterCostsTheSameStatementsWhateverItsLength() {
        LocalDate today = LocalDate.now(ServiceClock.ZONE);
        for (int i = 0; i < 20; i++) {
            approved(freshId("statements"), today.minusDays(1), today.plusDays(100), today.plusDays(50));
        }
        int[] counts = new int[2];
        int[] sizes = {2, 20};
        for (int i = 0; i < sizes.length; i++) {
            StatementCounter.reset();
            admin().data(PAGE, Map.of("first", sizes[i]));
            List<String> statements = StatementCounter.statements();
            counts[i] = statements.size();
        }
        // the key check, the count, the page (parties and indicators nested), the history, and the
        // organisations of the history, the drafters and the approvers, and the indicators' owners
        assertThat(counts[1]).isEqualTo(counts[0]).isLessThanOrEqualTo(8);
    }
}
