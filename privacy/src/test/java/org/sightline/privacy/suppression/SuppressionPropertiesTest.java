package org.sightline.privacy.suppression;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The requirements checked from the outside on full-size random tables (a region of 3-5 districts
 * of 4-20 wards, with and without MSOAs), which are too big to attack with linear programming in
 * the time a build has.
 */
class SuppressionPropertiesTest {

    private static final SuppressionRule FEWER_THAN_5 = SuppressionRule.threshold(5);
    private static final SyntheticRegion.Shape WARDS = new SyntheticRegion.Shape(3, 5, 4, 20, 4, 6, 1.5, false, false);
    private static final SyntheticRegion.Shape WARDS_AND_MSOAS = new SyntheticRegion.Shape(3, 5, 4, 20, 4, 6, 1.5, true, true);

    private final SecondarySuppression suppression = new SecondarySuppression();

    @ParameterizedTest(name = "with MSOAs: {0}")
    @ValueSource(booleans = {false, true})
    void everySmallCountIsHiddenAndEveryRelationProtectedInFullSizeTables(boolean withMsoas) {
        LongStream.rangeClosed(501, 506).parallel().forEach(seed -> {
            AdditiveTable table = SyntheticRegion.generate(withMsoas ? WARDS_AND_MSOAS : WARDS, seed).table();

            SuppressionResult result = suppression.apply(table, FEWER_THAN_5);

            table.counts().forEach((key, count) -> {
                if (FEWER_THAN_5.isPrimary(count) && !table.isUnpublished(key)) {
                    assertThat(result.suppression(key)).as(key)
                            .hasValueSatisfying(cell -> assertThat(cell.reason()).isEqualTo(SuppressionReason.PRIMARY));
                }
            });
            assertThat(result.keysSuppressedBecause(SuppressionReason.SECONDARY))
                    .allSatisfy(key -> assertThat(FEWER_THAN_5.isPrimary(table.count(key))).isFalse());
            SecondarySuppressionTest.assertEveryRelationIsProtected(table, result, FEWER_THAN_5);
        });
    }

    @ParameterizedTest(name = "with MSOAs: {0}")
    @ValueSource(booleans = {false, true})
    void aFullSizeTableGetsTheSameAnswerWhateverOrderItArrivesIn(boolean withMsoas) {
        AdditiveTable table = SyntheticRegion.generate(withMsoas ? WARDS_AND_MSOAS : WARDS, 601).table();
        SuppressionResult expected = suppression.apply(table, FEWER_THAN_5);

        Random random = new Random(3);
        List<String> keys = new ArrayList<>(table.counts().keySet());
        Collections.shuffle(keys, random);
        Map<String, Long> shuffledCounts = new LinkedHashMap<>();
        keys.forEach(key -> shuffledCounts.put(key, table.count(key)));
        List<Relation> shuffledRelations = new ArrayList<>(table.relations());
        Collections.shuffle(shuffledRelations, random);
        List<String> shuffledUnpublished = new ArrayList<>(table.unpublished());
        Collections.shuffle(shuffledUnpublished, random);

        SuppressionResult actual = suppression.apply(
                new AdditiveTable(shuffledCounts, shuffledRelations, shuffledUnpublished), FEWER_THAN_5);

        assertThat(actual.suppressedCells()).isEqualTo(expected.suppressedCells());
    }
}
