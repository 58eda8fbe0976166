package org.sightline.domain.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.sightline.domain.analysis.RankedValues.Direction;

class RankedValuesTest {

    @Test
    void tiesShareARankAndTheNextRankSkips() {
        RankedValues highestFirst = RankedValues.of(Arrays.asList(10.0, 30.0, 20.0, 30.0, null, Double.NaN), Direction.HIGHEST_FIRST);
        assertThat(highestFirst.size()).isEqualTo(4);
        assertThat(List.of(30.0, 20.0, 10.0)).extracting(highestFirst::rank).containsExactly(1, 3, 4);
        assertThat(List.of(30.0, 20.0, 10.0)).extracting(highestFirst::quintile).containsExactly(2, 4, 5);

        RankedValues lowestFirst = RankedValues.of(List.of(10.0, 30.0, 20.0, 30.0), Direction.LOWEST_FIRST);
        assertThat(List.of(10.0, 20.0, 30.0)).extracting(lowestFirst::rank).containsExactly(1, 2, 3);
    }

    @Test
    void aMissingValueHasNoPlace() {
        RankedValues values = RankedValues.of(List.of(1.0, 2.0), Direction.LOWEST_FIRST);
        assertThat(values.rank(null)).isNull();
        assertThat(values.quintile(Double.NaN)).isNull();
    }

    @Test
    void aValueThatWasNeverAddedHasNoRankAmongThem() {
        RankedValues values = RankedValues.of(List.of(1.0, 2.0), Direction.LOWEST_FIRST);
        assertThatThrownBy(() -> values.rank(1.5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void agreesWithCountingTheValuesAheadForManyRandomValues() {
        SplittableRandom random = new SplittableRandom(7);
        List<Double> sample = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            sample.add((double) random.nextInt(300));
        }
        RankedValues highestFirst = RankedValues.of(sample, Direction.HIGHEST_FIRST);
        for (double v : sample.subList(0, 200)) {
            long ahead = sample.stream().filter(x -> x > v).count();
            assertThat(highestFirst.rank(v)).isEqualTo((int) ahead + 1);
            assertThat(highestFirst.quintile(v)).isEqualTo((int) Math.ceil(5.0 * (ahead + 1) / sample.size()));
        }
    }
}
