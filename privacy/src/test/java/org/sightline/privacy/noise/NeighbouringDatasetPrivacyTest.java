package org.sightline.privacy.noise;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/**
 * Releases a count of 0 (dataset A) and of 1 (dataset B, one more person) many times and checks the
 * output distributions against the privacy claim. Each check is paired with a deliberately broken
 * mechanism (half the noise, same claim) that the same checker must catch, proving it has power.
 */
class NeighbouringDatasetPrivacyTest {

    private static final int RELEASES = 100_000;

    private static NeighbouringReleases release(NoiseMechanism mechanism, String seed) {
        RandomGenerator random = Seeded.random(seed);
        List<Long> fromA = new ArrayList<>(RELEASES);
        List<Long> fromB = new ArrayList<>(RELEASES);
        for (int i = 0; i < RELEASES; i++) {
            fromA.add(0 + mechanism.sample(random));
            fromB.add(1 + mechanism.sample(random));
        }
        return new NeighbouringReleases(fromA, fromB);
    }

    @Test
    void discreteLaplaceWithScaleOneIsOneDifferentiallyPrivateForACount() {
        // Scale t gives (1/t)-DP at sensitivity 1, and every output bin sits exactly at ratio e^(1/t).
        var releases = release(new DiscreteLaplace(Rational.ONE), "laplace dp");

        assertThat(releases.pureDpViolations(1.0)).isEmpty();
    }

    @Test
    void checkerCatchesALaplaceMechanismWithHalfTheNoiseClaimingTheSameEpsilon() {
        var broken = release(new DiscreteLaplace(Rational.of(1, 2)), "laplace dp broken");

        assertThat(broken.pureDpViolations(1.0)).isNotEmpty();
    }

    @Test
    void discreteGaussianMeetsTheEpsilonDeltaDerivedFromItsRho() {
        var mechanism = new DiscreteGaussian(Rational.of(4));
        ApproximateDp claim = mechanism.privacyCost(Rational.ONE).toApproximateDp(1e-3);

        var releases = release(mechanism, "gaussian dp");

        assertThat(releases.approximateDpViolations(claim.epsilon(), claim.delta())).isEmpty();
    }

    @Test
    void checkerCatchesAGaussianMechanismWithHalfTheStandardDeviationClaimingTheSameEpsilonDelta() {
        ApproximateDp claim = new DiscreteGaussian(Rational.of(4)).privacyCost(Rational.ONE).toApproximateDp(1e-3);

        var broken = release(new DiscreteGaussian(Rational.ONE), "gaussian dp broken");

        assertThat(broken.approximateDpViolations(claim.epsilon(), claim.delta())).isNotEmpty();
    }
}
