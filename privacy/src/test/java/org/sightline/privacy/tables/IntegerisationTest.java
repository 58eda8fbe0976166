package org.sightline.privacy.tables;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class IntegerisationTest {

    @Test
    void apportionedPartsAreNonNegativeAndSumToTheTarget() {
        SplittableRandom random = new SplittableRandom(1);
        for (int trial = 0; trial < 2_000; trial++) {
            double[] estimates = new double[1 + random.nextInt(12)];
            for (int i = 0; i < estimates.length; i++) {
                estimates[i] = random.nextDouble() * 20 - 6;
            }
            long target = random.nextInt(60);

            long[] parts = Integerisation.apportion(target, estimates);

            assertThat(Arrays.stream(parts).min().getAsLong()).isNotNegative();
            assertThat(Arrays.stream(parts).sum()).isEqualTo(target);
        }
    }

    @Test
    void partsAlreadyRoundingToTheTargetAreJustRounded() {
        double[] estimates = {2.4, 0.6, 3.5, -0.7};

        long[] parts = Integerisation.apportion(7, estimates);

        assertThat(parts).containsExactly(Math.round(2.4), Math.round(0.6), Math.round(3.5), 0);
    }

    @Test
    void aShortfallGoesToThePartsMostUnderTheirEstimate() {
        // Rounded: 1, 1, 1 = 3; target 5: the two largest remainders below (0.45, 0.4) get one each.
        long[] parts = Integerisation.apportion(5, new double[] {1.4, 1.45, 1.1});

        assertThat(parts).containsExactly(2, 2, 1);
    }

    @Test
    void anExcessIsTakenFromThePartsMostOverTheirEstimateNeverBelowZero() {
        // Rounded: 0 (clamped from -3), 2, 3 = 5; target 3: take from 2 (over by 0.4) then 3 (over by 0.3).
        long[] parts = Integerisation.apportion(3, new double[] {-3, 1.6, 2.7});

        assertThat(parts).containsExactly(0, 1, 2);
    }

    @Test
    void aZeroTargetGivesAllZeros() {
        assertThat(Integerisation.apportion(0, new double[] {3.2, 0.1, 7})).containsExactly(0, 0, 0);
    }
}
