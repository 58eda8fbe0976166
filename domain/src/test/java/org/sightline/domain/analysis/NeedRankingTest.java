package org.sightline.domain.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sightline.domain.analysis.NeedRanking.Candidate;
import org.sightline.domain.analysis.NeedRanking.Ranked;
import org.sightline.domain.indicator.Polarity;

class NeedRankingTest {

    private final List<Candidate<String>> areas = List.of(
            new Candidate<>("a", 10.0), new Candidate<>("b", 30.0), new Candidate<>("c", 20.0),
            new Candidate<>("d", 30.0), new Candidate<>("e", null));

    @Test
    void whenLowerIsBetterTheHighestValueIsTheGreatestNeedAndTiesShareARank() {
        assertThat(NeedRanking.rank(areas, Polarity.LOWER_IS_BETTER)).containsExactly(
                new Ranked<>("a", 4, 5), new Ranked<>("b", 1, 2), new Ranked<>("c", 3, 4),
                new Ranked<>("d", 1, 2), new Ranked<>("e", null, null));
    }

    @Test
    void whenHigherIsBetterTheLowestValueIsTheGreatestNeed() {
        assertThat(NeedRanking.rank(areas, Polarity.HIGHER_IS_BETTER)).extracting(Ranked::rank)
                .containsExactly(1, 3, 2, 3, null);
    }

    @Test
    void withoutJudgementRankOneIsTheHighestValue() {
        assertThat(NeedRanking.rank(areas, Polarity.NO_JUDGEMENT)).extracting(Ranked::rank)
                .containsExactly(4, 1, 3, 1, null);
    }

    @Test
    void suppressedAreasAreNeverRankedByAHiddenValue() {
        assertThat(NeedRanking.rank(List.of(new Candidate<>("x", null), new Candidate<String>("y", null)), Polarity.NO_JUDGEMENT))
                .allSatisfy(r -> {
                    assertThat(r.rank()).isNull();
                    assertThat(r.quintile()).isNull();
                });
    }
}
