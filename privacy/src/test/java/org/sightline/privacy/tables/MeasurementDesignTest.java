package org.sightline.privacy.tables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sightline.privacy.noise.Rational;
import org.sightline.privacy.noise.Rho;

class MeasurementDesignTest {

    private static final List<String> LEVELS = List.of("country", "region", "lad", "ward");

    @ParameterizedTest(name = "k = {0}")
    @ValueSource(ints = {0, 1, 2})
    void upToTwoTypesEveryLevelIsMeasuredWithEverySubset(int k) {
        MeasurementDesign design = MeasurementDesign.forBudget(LEVELS, k, new Rho(Rational.ONE));

        Set<Set<Integer>> subsets = new HashSet<>();
        for (int mask = 0; mask < 1 << k; mask++) {
            Set<Integer> subset = new HashSet<>();
            for (int t = 0; t < k; t++) {
                if ((mask & (1 << t)) != 0) {
                    subset.add(t);
                }
            }
            subsets.add(subset);
        }
        assertThat(design.tables()).hasSize(LEVELS.size() * subsets.size());
        for (String level : LEVELS) {
            assertThat(design.tables().stream().filter(table -> table.level().equals(level))
                    .map(table -> Set.copyOf(table.types()))).containsExactlyInAnyOrderElementsOf(subsets);
        }
    }

    @ParameterizedTest(name = "k = {0}")
    @ValueSource(ints = {3, 4, 6})
    void fromThreeTypesTheEmptySetEachTypeAndTheFullSetAreMeasured(int k) {
        MeasurementDesign design = MeasurementDesign.forBudget(LEVELS, k, new Rho(Rational.ONE));

        List<List<Integer>> subsets = MeasurementDesign.measuredSubsets(k);
        assertThat(subsets).hasSize(k + 2);
        assertThat(subsets).contains(List.of());
        for (int t = 0; t < k; t++) {
            assertThat(subsets).contains(List.of(t));
        }
        assertThat(subsets).contains(java.util.stream.IntStream.range(0, k).boxed().toList());
        assertThat(design.tables()).hasSize(LEVELS.size() * (k + 2));
    }

    @ParameterizedTest(name = "rho = {0}")
    @ValueSource(strings = {"1/2", "1/3", "7/10", "2", "0.0001"})
    void theBudgetIsSplitEquallySoTheTablesCostExactlyRho(String rhoText) {
        Rational rho = Rational.parse(rhoText);
        MeasurementDesign design = MeasurementDesign.forBudget(LEVELS, 2, new Rho(rho));
        int tables = design.tables().size();

        assertThat(design.sigmaSquared()).isEqualTo(Rational.of(tables).divide(Rational.of(2).multiply(rho)));
        assertThat(design.mechanism().sigmaSquared()).isEqualTo(design.sigmaSquared());
        Rational recomputed = Rational.ZERO;
        for (int i = 0; i < tables; i++) {
            recomputed = recomputed.add(Rational.ONE.divide(Rational.of(2).multiply(design.sigmaSquared())));
        }
        assertThat(recomputed).isEqualTo(rho);
        assertThat(design.totalRho()).isEqualTo(new Rho(rho));
    }

    @Test
    void statesTheLossAsEpsilonDeltaOfTheTotalRho() {
        MeasurementDesign design = MeasurementDesign.forBudget(LEVELS, 2, new Rho(Rational.of(1, 4)));

        assertThat(design.approximateDp(1e-6)).isEqualTo(new Rho(Rational.of(1, 4)).toApproximateDp(1e-6));
    }

    @Test
    void refusesAZeroBudgetAndNoLevels() {
        assertThatThrownBy(() -> MeasurementDesign.forBudget(LEVELS, 1, Rho.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rho");
        assertThatThrownBy(() -> MeasurementDesign.forBudget(List.of(), 1, new Rho(Rational.ONE)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("level");
    }

    @Test
    void refusesATableListedTwice() {
        PublicTable table = new PublicTable("ward", List.of(0));

        assertThatThrownBy(() -> new MeasurementDesign(List.of(table, table), Rational.ONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("twice");
    }
}
