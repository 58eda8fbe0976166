package org.sightline.domain.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.sightline.domain.indicator.Polarity;

class TrendClassificationTest {

    @Test
    void aTrendIsBetterWhenItMovesTheWayThePolaritySaysIsGood() {
        for (TrendDirection direction : TrendDirection.values()) {
            for (Polarity polarity : Polarity.values()) {
                TrendClassification marker = TrendClassification.of(direction, polarity);
                String phrase = marker.phrase();
                if (direction == TrendDirection.NO_SIGNIFICANT_CHANGE) {
                    assertThat(marker).isEqualTo(TrendClassification.NO_SIGNIFICANT_CHANGE);
                    continue;
                }
                assertThat(phrase).startsWith(direction == TrendDirection.INCREASING ? "increasing" : "decreasing");
                if (polarity == Polarity.NO_JUDGEMENT) {
                    assertThat(phrase).doesNotContain("getting");
                } else {
                    boolean goodDirection = (direction == TrendDirection.INCREASING) == (polarity == Polarity.HIGHER_IS_BETTER);
                    assertThat(phrase).endsWith(goodDirection ? "and getting better" : "and getting worse");
                }
                assertThat(marker.name()).isEqualTo(phrase.toUpperCase().replace(' ', '_'));
            }
        }
    }
}
