package org.sightline.api.observations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sightline.domain.observation.AreaRef;
import org.sightline.domain.observation.RolledUpCell;
import org.sightline.domain.time.Period;
import org.sightline.privacy.noise.ConsistentNoise;
import org.sightline.privacy.noise.DiscreteGaussian;
import org.sightline.privacy.noise.Rational;

/** What seeds a cell's noise decides which answers share noise; sharing it wrongly makes differences exact. */
class NoiseIdentityTest {

    private final ConsistentNoise noise = new ConsistentNoise(new byte[32]);
    private final DiscreteGaussian mechanism = new DiscreteGaussian(Rational.of(100));

    @Test
    void twoPeriodsOfOneReleaseOverTheSameCellsGetIndependentNoise() {
        int equal = 0;
        for (int i = 0; i < 50; i++) {
            String digest = "digest-" + i;
            long a = noise.noiseFor(Publication.noiseIdentity("ind", cell("2022/23", 7, digest)), mechanism);
            long b = noise.noiseFor(Publication.noiseIdentity("ind", cell("2023/24", 7, digest)), mechanism);
            equal += a == b ? 1 : 0;
        }
        // With sigma 10, independent draws coincide about 4% of the time; identical seeds always would.
        assertThat(equal).isLessThan(10);
    }

    @Test
    void theSameCellsInTheSamePeriodAndReleaseGetTheSameNoiseWhicheverAreaNameTheyCameUnder() {
        RolledUpCell ward = cell("2023/24", 7, "same-cells");
        RolledUpCell customAreaEqualToTheWard = new RolledUpCell(new AreaRef("C0001", "My neighbourhood", "custom"),
                ward.period(), List.of(), 12L, null, null, null, null, 6, 7, "same-cells");
        assertThat(noise.noiseFor(Publication.noiseIdentity("ind", customAreaEqualToTheWard), mechanism))
                .isEqualTo(noise.noiseFor(Publication.noiseIdentity("ind", ward), mechanism));
    }

    private static RolledUpCell cell(String period, long release, String digest) {
        return new RolledUpCell(new AreaRef("Z05000001", "Casterbridge North", "ward"), Period.parse(period), List.of(),
                12L, null, null, null, null, 6, release, digest);
    }
}
