package org.sightline.privacy.suppression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SuppressionRuleTest {

    @Test
    void countsFromOneToBelowTheThresholdArePrimary() {
        SuppressionRule rule = SuppressionRule.threshold(5);

        assertThat(rule.isPrimary(1)).isTrue();
        assertThat(rule.isPrimary(4)).isTrue();
        assertThat(rule.isPrimary(5)).isFalse();
        assertThat(rule.isPrimary(1000)).isFalse();
    }

    @Test
    void trueZerosArePublishableUnlessTheRuleSuppressesThem() {
        assertThat(SuppressionRule.threshold(5).isPrimary(0)).isFalse();
        assertThat(SuppressionRule.threshold(5).suppressingZeros().isPrimary(0)).isTrue();
    }

    @Test
    void explainsPrimarySuppressionInWords() {
        assertThat(SuppressionRule.threshold(5).primaryExplanation()).isEqualTo("fewer than 5");
    }

    @Test
    void rejectsAThresholdBelowOne() {
        assertThatThrownBy(() -> SuppressionRule.threshold(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("threshold")
                .hasMessageContaining("0");
    }
}
