package org.sightline.domain.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sightline.domain.analysis.Correlation.Pair;

class CorrelationTest {

    @Test
    void matchesAHandComputedExample() {
        // x = 1..5, y = 2, 4, 5, 4, 5: sxy = 6, sxx = 10, syy = 6, r = 6 / sqrt(60) = 0.7745967
        List<Pair> pairs = List.of(new Pair(1, 2), new Pair(2, 4), new Pair(3, 5), new Pair(4, 4), new Pair(5, 5));
        assertThat(Correlation.pearson(pairs)).isCloseTo(0.7745967, within(1e-7));
    }

    @Test
    void perfectLinesGivePlusOrMinusOne() {
        assertThat(Correlation.pearson(List.of(new Pair(1, 3), new Pair(2, 5), new Pair(3, 7)))).isCloseTo(1.0, within(1e-12));
        assertThat(Correlation.pearson(List.of(new Pair(1, 3), new Pair(2, 1), new Pair(3, -1)))).isCloseTo(-1.0, within(1e-12));
    }

    @Test
    void isUndefinedForTooFewPairsOrAConstantVariable() {
        assertThat(Correlation.pearson(List.of(new Pair(1, 1), new Pair(2, 2)))).isNull();
        assertThat(Correlation.pearson(List.of(new Pair(1, 1), new Pair(1, 2), new Pair(1, 3)))).isNull();
    }
}
