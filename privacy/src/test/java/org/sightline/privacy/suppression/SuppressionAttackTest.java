package org.sightline.privacy.suppression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * Attacks published tables the way a determined reader would: with a linear-programming solver
 * over the finest cells and every published count (see {@link LinearProgrammingAttacker}), on
 * random tables shaped like Sightline's (see {@link SyntheticRegion}). The attacker shares no code
 * with the engine; it only knows the geography.
 *
 * <p>Two controls show the attacker has teeth: it pins cells that primary suppression alone
 * leaves exposed, and cells of overlapping areas when the table does not tell the engine how the
 * areas overlap.
 */
class SuppressionAttackTest {

    private static final SuppressionRule FEWER_THAN_5 = SuppressionRule.threshold(5);

    /** Region of 3-5 districts of 4-20 wards, x sex x 4-6 needs, Poisson(1.5) per finest cell. */
    private static final SyntheticRegion.Shape WARDS = new SyntheticRegion.Shape(3, 5, 4, 20, 4, 6, 1.5, false, false);
    /** Smaller, because overlapping wards and MSOAs make the attacker's programs much larger. */
    private static final SyntheticRegion.Shape WARDS_AND_MSOAS =
            new SyntheticRegion.Shape(3, 3, 4, 8, 4, 5, 1.5, true, true);
    private static final SyntheticRegion.Shape WARDS_AND_MSOAS_WITHOUT_INTERSECTIONS =
            new SyntheticRegion.Shape(3, 3, 4, 6, 4, 5, 1.5, true, false);
    private static final SyntheticRegion.Shape SMALL_WARDS = new SyntheticRegion.Shape(3, 4, 4, 8, 4, 6, 1.5, false, false);

    private final SecondarySuppression suppression = new SecondarySuppression();

    @Test
    void noHiddenCellOfARandomWardTableCanBePinnedByLinearProgramming() {
        AttackReport report = attackSeeds(WARDS, 1, 30, FEWER_THAN_5, suppression::apply);

        System.out.println(report.summary("wards x sex x need, threshold 5", 5));
        assertNothingPinned(report);
        assertThat(report.provenSmall(5)).as("protected cells the attacker can prove are below 5").isEmpty();
    }

    @Test
    void noHiddenCellCanBePinnedWhenWardsAndMsoasSplitTheSameDistrictsDifferently() {
        AttackReport report = attackSeeds(WARDS_AND_MSOAS, 101, 115, FEWER_THAN_5, suppression::apply);

        System.out.println(report.summary("wards and MSOAs x sex x need, threshold 5", 5));
        assertThat(report.cells(AttackReport.Kind.UNPUBLISHED_SMALL)).isNotEmpty();
        assertNothingPinned(report);
    }

    @Test
    void noHiddenCellCanBePinnedWhenZerosAreSuppressedToo() {
        AttackReport report = attackSeeds(SMALL_WARDS, 201, 210, FEWER_THAN_5.suppressingZeros(), suppression::apply);

        System.out.println(report.summary("wards x sex x need, threshold 5, zeros suppressed", 5));
        assertNothingPinned(report);
    }

    @Test
    void noHiddenCellCanBePinnedUnderAThresholdOfTen() {
        AttackReport report = attackSeeds(SMALL_WARDS, 301, 310, SuppressionRule.threshold(10), suppression::apply);

        System.out.println(report.summary("wards x sex x need, threshold 10", 10));
        assertNothingPinned(report);
        assertThat(report.provenSmall(10)).as("protected cells the attacker can prove are below 10").isEmpty();
    }

    @Test
    void theAttackerPinsCellsThatPrimarySuppressionAloneLeavesExposed() {
        for (long seed = 401; seed <= 405; seed++) {
            AttackReport report = attackSeeds(WARDS, seed, seed, FEWER_THAN_5, SuppressionAttackTest::primaryOnly);

            System.out.printf("primary suppression only, seed %d: %d of %d primary cells pinned%n", seed,
                    report.pinned().size(), report.cells(AttackReport.Kind.PRIMARY).size());
            assertThat(report.pinned()).as("cells pinned in seed %d", seed).isNotEmpty();
            assertThat(report.pinned()).allSatisfy(cell ->
                    assertThat(cell.interval().min()).isCloseTo(cell.trueCount(), offset(1e-6)));
        }
    }

    @Test
    void theAttackerPinsSmallIntersectionsWhenTheTableLeavesOutHowWardsAndMsoasOverlap() {
        // Without the intersections as cells the engine cannot see that a ward minus an MSOA
        // inside it is a small area of its own, nor that the MSOA is at most the ward.
        AttackReport suppressedCells = new AttackReport();
        int pinnedIntersections = 0;
        int smallIntersections = 0;
        for (long seed = 1; seed <= 10; seed++) {
            SyntheticRegion region = SyntheticRegion.generate(WARDS_AND_MSOAS_WITHOUT_INTERSECTIONS, seed);
            SuppressionResult result = new SecondarySuppression().apply(region.table(), FEWER_THAN_5);
            suppressedCells.add(attack(region, FEWER_THAN_5, result));
            List<String> small = region.intersectionCounts().entrySet().stream()
                    .filter(cell -> FEWER_THAN_5.isPrimary(cell.getValue()))
                    .map(Map.Entry::getKey)
                    .toList();
            var intervals = new LinearProgrammingAttacker(region.coverage(), result.publishedCounts()).attack(small, 1);
            smallIntersections += small.size();
            pinnedIntersections += (int) intervals.values().stream().filter(interval -> interval.exact() && interval.isPoint()).count();
        }

        System.out.println(suppressedCells.summary("wards and MSOAs, intersections left out of the table", 5));
        System.out.printf("  small intersections pinned: %d of %d%n", pinnedIntersections, smallIntersections);
        assertThat(pinnedIntersections).isPositive();
        assertThat(suppressedCells.pinned()).isNotEmpty();
    }

    private static void assertNothingPinned(AttackReport report) {
        assertThat(report.cells()).isNotEmpty();
        assertThat(report.cells()).allSatisfy(cell -> {
            assertThat(cell.interval().isPoint()).as("%s %s pinned to %s", cell.table(), cell.key(), cell.interval()).isFalse();
            assertThat(cell.width()).as("interval width of %s %s (%s)", cell.table(), cell.key(), cell.kind())
                    .isGreaterThanOrEqualTo(1 - 1e-6);
        });
    }

    /**
     * Suppresses each seed's table and attacks it (see {@link #attack}). Seeds run in parallel;
     * the report is the same in any order.
     */
    private static AttackReport attackSeeds(SyntheticRegion.Shape shape, long firstSeed, long lastSeed, SuppressionRule rule,
                                            BiFunction<AdditiveTable, SuppressionRule, SuppressionResult> suppressor) {
        List<AttackReport> perTable = LongStream.rangeClosed(firstSeed, lastSeed).parallel()
                .mapToObj(seed -> {
                    SyntheticRegion region = SyntheticRegion.generate(shape, seed);
                    return attack(region, rule, suppressor.apply(region.table(), rule));
                })
                .toList();
        AttackReport report = new AttackReport();
        perTable.forEach(report::add);
        return report;
    }

    /** Attacks every suppressed cell of the result and every unpublished cell with a small count. */
    private static AttackReport attack(SyntheticRegion region, SuppressionRule rule, SuppressionResult result) {
        AdditiveTable table = region.table();
        List<String> targets = new ArrayList<>(result.suppressedCells().keySet());
        table.unpublished().stream().filter(key -> rule.isPrimary(table.count(key))).forEach(targets::add);

        LinearProgrammingAttacker attacker = new LinearProgrammingAttacker(region.coverage(), result.publishedCounts());
        var intervals = attacker.attack(targets, rule.threshold());

        AttackReport report = new AttackReport();
        for (String key : targets) {
            AttackReport.Kind kind = result.suppression(key)
                    .map(cell -> cell.reason() == SuppressionReason.PRIMARY ? AttackReport.Kind.PRIMARY : AttackReport.Kind.SECONDARY)
                    .orElse(AttackReport.Kind.UNPUBLISHED_SMALL);
            LinearProgrammingAttacker.Interval interval = intervals.get(key);
            long truth = table.count(key);
            if (interval.exact()) {
                // the true table is consistent with what was published, so a sound attacker's interval holds it
                assertThat(truth).as("true count of %s inside the attacker's interval %s", key, interval)
                        .isBetween((long) Math.floor(interval.min() - 1e-6), (long) Math.ceil(interval.max() + 1e-6));
            }
            report.add(new AttackReport.AttackedCell(region.toString(), key, kind, truth, interval));
        }
        return report;
    }

    /** The negative control: hides small counts and nothing else. */
    private static SuppressionResult primaryOnly(AdditiveTable table, SuppressionRule rule) {
        List<SuppressedCell> primary = new ArrayList<>();
        table.counts().forEach((key, count) -> {
            if (!table.isUnpublished(key) && rule.isPrimary(count)) {
                primary.add(new SuppressedCell(key, SuppressionReason.PRIMARY, rule.primaryExplanation()));
            }
        });
        return new SuppressionResult(table, primary);
    }
}
