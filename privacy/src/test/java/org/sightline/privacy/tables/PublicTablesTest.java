package org.sightline.privacy.tables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sightline.privacy.noise.CellIdentity;
import org.sightline.privacy.noise.ConsistentNoise;
import org.sightline.privacy.noise.Rational;
import org.sightline.privacy.noise.Rho;

class PublicTablesTest {

    private static final Rho RHO = new Rho(Rational.of(1, 2));

    /** (seed, levels, value counts): k = 0 to 3, small m, 2 and 3 levels, several random forests each. */
    static Stream<Arguments> smallInstances() {
        List<Arguments> instances = new ArrayList<>();
        int[][] spaces = {{}, {1}, {2}, {3}, {2, 2}, {2, 3}, {1, 3}, {2, 2, 2}};
        for (int[] space : spaces) {
            for (int levels = 2; levels <= 3; levels++) {
                for (long seed = 1; seed <= 3; seed++) {
                    instances.add(Arguments.of(seed, levels, space));
                }
            }
        }
        return instances.stream();
    }

    private static PublicTables publishRandom(long seed, int levels, int[] space) {
        SplittableRandom random = new SplittableRandom(seed * 1_000 + levels);
        GeographyForest forest = Instances.randomForest(random, levels);
        TrueCounts counts = Instances.randomCounts(random, forest, Characteristics.of(space));
        return PublicTables.publish(counts, RHO, Instances.seededNoise(seed));
    }

    @ParameterizedTest(name = "seed {0}, {1} levels, values per type {2}")
    @MethodSource("smallInstances")
    void estimatesEqualTheDenseWeightedLeastSquaresSolution(long seed, int levels, int[] space) {
        PublicTables tables = publishRandom(seed, levels, space);
        DenseLeastSquares dense = DenseLeastSquares.of(tables);

        tables.forEachCell(cell -> assertThat(cell.estimate())
                .as("estimate of %s %s", cell.nodeCode(), cell.combination())
                .isCloseTo(dense.estimate(tables.forest().indexOf(cell.nodeCode()), cell.combination()), within(1e-9)));
    }

    @ParameterizedTest(name = "seed {0}, {1} levels, values per type {2}")
    @MethodSource("smallInstances")
    void noiseVarianceOfEveryCellIsTheDiagonalOfTheDenseCovariance(long seed, int levels, int[] space) {
        PublicTables tables = publishRandom(seed, levels, space);
        DenseLeastSquares dense = DenseLeastSquares.of(tables);

        tables.forEachCell(cell -> {
            double variance = dense.variance(tables.forest().indexOf(cell.nodeCode()), cell.combination());
            assertThat(cell.noiseStandardDeviation() * cell.noiseStandardDeviation())
                    .as("variance of %s %s", cell.nodeCode(), cell.combination())
                    .isCloseTo(variance, within(1e-9 * variance));
        });
    }

    @ParameterizedTest(name = "seed {0}, {1} levels, values per type {2}")
    @MethodSource("smallInstances")
    void releasedValuesAreNonNegativeIntegersThatAddUpExactly(long seed, int levels, int[] space) {
        PublicTables tables = publishRandom(seed, levels, space);
        GeographyForest forest = tables.forest();
        Characteristics characteristics = tables.characteristics();

        tables.forEachCell(cell -> assertThat(cell.released()).isNotNegative());
        for (int v = 0; v < forest.size(); v++) {
            String code = forest.node(v).code();
            for (CubeCombination cell : characteristics.cubeCombinations()) {
                if (!forest.isLeaf(v)) {
                    long childSum = forest.children(v).stream()
                            .mapToLong(c -> tables.released(forest.node(c).code(), cell)).sum();
                    assertThat(tables.released(code, cell)).as("%s %s against its children", code, cell).isEqualTo(childSum);
                }
                for (int t = 0; t < characteristics.typeCount(); t++) {
                    if (cell.isTotal(t)) {
                        long valueSum = 0;
                        for (int value = 0; value < characteristics.valueCount(t); value++) {
                            int[] values = cell.values();
                            values[t] = value;
                            valueSum += tables.released(code, CubeCombination.of(values));
                        }
                        assertThat(tables.released(code, cell)).as("%s %s against type %d's values", code, cell, t).isEqualTo(valueSum);
                    }
                }
            }
        }
    }

    @Test
    void releasedTotalsStayCloseToTheirEstimates() {
        PublicTables tables = publishRandom(7, 3, new int[] {2, 3});

        // Apportioning moves a part by at most one unit past rounding, plus what clamping at zero moves.
        tables.forEachCell(cell -> assertThat((double) cell.released())
                .isCloseTo(Math.max(0, cell.estimate()), within(1 + 6 * cell.noiseStandardDeviation())));
    }

    @Test
    void measurementsArePresentExactlyForTheMeasuredTables() {
        PublicTables tables = publishRandom(5, 2, new int[] {2, 2, 2});
        MeasurementDesign design = tables.design();

        tables.forEachCell(cell -> {
            boolean measured = design.tables().contains(new PublicTable(cell.level(), cell.combination().types()));
            assertThat(cell.measurement() != null).as("%s %s", cell.nodeCode(), cell.combination()).isEqualTo(measured);
        });
        // Two of the three pairs of types are not measured for k = 3 but are still released.
        assertThat(tables.cells().filter(cell -> cell.measurement() == null).count()).isPositive();
    }

    @Test
    void measurementsAreTheTrueCountsPlusTheNoiseDrawnForTheirKey() {
        SplittableRandom random = new SplittableRandom(11);
        GeographyForest forest = Instances.randomForest(random, 3);
        Characteristics characteristics = Characteristics.of(2, 3);
        TrueCounts counts = Instances.randomCounts(random, forest, characteristics);
        MeasurementNoise keyedNoise = (key, mechanism) -> key.canonicalForm().hashCode() % 7;

        PublicTables tables = PublicTables.publish(counts, RHO, keyedNoise);

        List<List<Integer>> under = Instances.leavesUnder(forest);
        List<int[]> full = Instances.fullCombinations(characteristics);
        tables.forEachCell(cell -> {
            long trueValue = 0;
            for (int leaf : under.get(forest.indexOf(cell.nodeCode()))) {
                for (int[] values : full) {
                    if (Instances.matches(cell.combination(), values)) {
                        trueValue += counts.count(leaf, characteristics.fullIndex(values));
                    }
                }
            }
            MeasurementKey key = new MeasurementKey(new PublicTable(cell.level(), cell.combination().types()),
                    cell.nodeCode(), cell.combination());
            assertThat(cell.measurement()).isEqualTo(trueValue + key.canonicalForm().hashCode() % 7);
        });
    }

    @Test
    void theSameConsistentNoiseGivesTheSameTables() {
        SplittableRandom random = new SplittableRandom(3);
        GeographyForest forest = Instances.randomForest(random, 3);
        TrueCounts counts = Instances.randomCounts(random, forest, Characteristics.of(2, 3));
        byte[] secret = "a server secret of thirty-two by".getBytes(StandardCharsets.US_ASCII);

        List<PublicCell> first = PublicTables.publish(counts, RHO, consistent(secret, "2024")).cells().toList();
        List<PublicCell> again = PublicTables.publish(counts, RHO, consistent(secret.clone(), "2024")).cells().toList();
        List<PublicCell> otherRelease = PublicTables.publish(counts, RHO, consistent(secret, "2025")).cells().toList();

        assertThat(again).isEqualTo(first);
        assertThat(otherRelease).isNotEqualTo(first);
    }

    @Test
    void noiseThatIsAPureFunctionOfTheKeyDrawnInParallelGivesTheSameTablesAsDrawnInOrder() {
        SplittableRandom random = new SplittableRandom(4);
        GeographyForest forest = Instances.randomForest(random, 3);
        TrueCounts counts = Instances.randomCounts(random, forest, Characteristics.of(4, 3));
        MeasurementNoise inOrder = consistent("a server secret of thirty-two by".getBytes(StandardCharsets.US_ASCII), "2024");
        MeasurementNoise parallel = new MeasurementNoise() {
            @Override
            public long noise(MeasurementKey key, org.sightline.privacy.noise.DiscreteGaussian mechanism) {
                return inOrder.noise(key, mechanism);
            }

            @Override
            public boolean isPureFunctionOfKey() {
                return true;
            }
        };

        assertThat(PublicTables.publish(counts, RHO, parallel).cells().toList())
                .isEqualTo(PublicTables.publish(counts, RHO, inOrder).cells().toList());
    }

    @Test
    void theSameSeededNoiseGivesTheSameTables() {
        assertThat(publishRandom(9, 3, new int[] {3, 2}).cells().toList())
                .isEqualTo(publishRandom(9, 3, new int[] {3, 2}).cells().toList());
    }

    /** How the api module is expected to key noise: the release, and the measurement's canonical form. */
    private static MeasurementNoise consistent(byte[] secret, String release) {
        ConsistentNoise noise = new ConsistentNoise(secret);
        return (key, mechanism) -> noise.noiseFor(
                new CellIdentity("demo-service-contacts", release, List.of(key.canonicalForm())), mechanism);
    }

    @Test
    void anEnglandSizedReleaseTakesWellUnderAFewSeconds() {
        // ~7,000 wards in ~300 districts in 9 regions in one country; 12 x 2 characteristic values.
        List<GeographyNode> nodes = new ArrayList<>();
        nodes.add(GeographyNode.root("E92000001", "country"));
        for (int r = 0; r < 9; r++) {
            int region = nodes.size();
            nodes.add(new GeographyNode("R" + r, "region", 0));
            for (int d = 0; d < 35; d++) {
                int district = nodes.size();
                nodes.add(new GeographyNode("D" + r + "-" + d, "lad", region));
                for (int w = 0; w < 22; w++) {
                    nodes.add(new GeographyNode("W" + r + "-" + d + "-" + w, "ward", district));
                }
            }
        }
        GeographyForest forest = GeographyForest.of(nodes);
        Characteristics characteristics = Characteristics.of(12, 2);
        TrueCounts counts = Instances.randomCounts(new SplittableRandom(1), forest, characteristics);
        MeasurementNoise noise = Instances.fastApproximateNoise(1);

        // Once to compile the hot loops, as a long-running server will have; then timed. CPU time
        // of this thread (the noise here is drawn in order, so all the work is on it), not wall
        // time, so that other processes on a busy build machine do not fail the test.
        PublicTables.publish(counts, RHO, noise);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long start = threads.getCurrentThreadCpuTime();
        PublicTables tables = PublicTables.publish(counts, RHO, noise);
        long[] sum = new long[1];
        tables.forEachCell(cell -> sum[0] += cell.released());
        double seconds = (threads.getCurrentThreadCpuTime() - start) / 1e9;

        assertThat(forest.leaves()).hasSize(9 * 35 * 22);
        assertThat(tables.cellCount()).isEqualTo(forest.size() * 13 * 3);
        assertThat(seconds).isLessThan(3.0);
    }
}
