package org.sightline.privacy.tables;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.sightline.privacy.noise.Rational;
import org.sightline.privacy.noise.Rho;

/**
 * Repeats the release of one small fixed instance with fresh exact discrete Gaussian noise and
 * checks the stated noise against what happens: the estimates scatter as the stated variance
 * says, and their 95% intervals cover the truth 95% of the time.
 */
class NoiseCoverageSimulationTest {

    private static final int RUNS = 2_000;

    @Test
    void ninetyFivePercentIntervalsCoverTheTruthAndTheVarianceIsAsStated() {
        // A country, two regions (one of them a leaf itself), five wards; one type with 3 values.
        GeographyForest forest = GeographyForest.of(List.of(
                GeographyNode.root("C", "country"),
                new GeographyNode("R1", "region", 0),
                new GeographyNode("R2", "region", 0),
                new GeographyNode("R3", "region", 0),
                new GeographyNode("W1", "ward", 1),
                new GeographyNode("W2", "ward", 1),
                new GeographyNode("W3", "ward", 2),
                new GeographyNode("W4", "ward", 2),
                new GeographyNode("W5", "ward", 2)));
        Characteristics characteristics = Characteristics.of(3);
        TrueCounts counts = Instances.randomCounts(new SplittableRandom(42), forest, characteristics);
        Rho rho = new Rho(Rational.of(1, 2));
        List<PublicCell> truth = PublicTables.publish(counts, rho, (key, mechanism) -> 0).cells().toList();
        int cells = truth.size();

        double[] sum = new double[cells];
        double[] sumOfSquares = new double[cells];
        double[] stated = new double[cells];
        long covered = 0;
        MeasurementNoise noise = Instances.seededNoise(2024);
        for (int run = 0; run < RUNS; run++) {
            List<PublicCell> released = PublicTables.publish(counts, rho, noise).cells().toList();
            for (int i = 0; i < cells; i++) {
                PublicCell cell = released.get(i);
                // With zero noise every measurement is the truth, and least squares returns it.
                double trueValue = truth.get(i).measurement();
                double error = cell.estimate() - trueValue;
                sum[i] += error;
                sumOfSquares[i] += error * error;
                stated[i] = cell.noiseStandardDeviation() * cell.noiseStandardDeviation();
                if (NoiseInterval.around(cell.estimate(), cell.noiseStandardDeviation(), 0.95).contains(trueValue)) {
                    covered++;
                }
            }
        }

        System.err.println("COVER " + (double) covered / (RUNS * (long) cells));
        assertThat((double) covered / (RUNS * (long) cells)).isBetween(0.935, 0.965);
        for (int i = 0; i < cells; i++) {
            double mean = sum[i] / RUNS;
            double empiricalVariance = (sumOfSquares[i] - RUNS * mean * mean) / (RUNS - 1);
            PublicCell cell = truth.get(i);
            System.err.println("RATIO " + empiricalVariance / stated[i]);
            assertThat(empiricalVariance).as("variance of %s %s", cell.nodeCode(), cell.combination())
                    .isBetween(0.9 * stated[i], 1.1 * stated[i]);
            // Unbiased: the mean error is within 4 standard errors of zero.
            assertThat(Math.abs(mean)).as("bias of %s %s", cell.nodeCode(), cell.combination())
                    .isLessThan(4 * Math.sqrt(stated[i] / RUNS));
        }
    }
}
