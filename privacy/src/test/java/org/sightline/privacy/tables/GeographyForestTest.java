package org.sightline.privacy.tables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class GeographyForestTest {

    private static final List<GeographyNode> TWO_COUNTRIES = List.of(
            GeographyNode.root("E", "country"),
            new GeographyNode("E-R", "region", 0),
            new GeographyNode("E-W1", "ward", 1),
            new GeographyNode("E-W2", "ward", 1),
            GeographyNode.root("W", "country"),
            new GeographyNode("W-W1", "ward", 4));

    @Test
    void leavesAreTheNodesWithoutChildrenAndDepthNeedNotBeUniform() {
        GeographyForest forest = GeographyForest.of(TWO_COUNTRIES);

        assertThat(forest.roots()).containsExactly(0, 4);
        assertThat(forest.leaves()).containsExactly(2, 3, 5);
        assertThat(forest.children(1)).containsExactly(2, 3);
        assertThat(forest.levels()).containsExactly("country", "region", "ward");
        assertThat(forest.indexOf("W-W1")).isEqualTo(5);
    }

    @Test
    void everyNodeComesAfterItsDescendantsBottomUp() {
        GeographyForest forest = GeographyForest.of(TWO_COUNTRIES);
        int[] position = new int[forest.size()];
        int[] order = forest.bottomUp();
        for (int i = 0; i < order.length; i++) {
            position[order[i]] = i;
        }

        for (int v = 0; v < forest.size(); v++) {
            if (!forest.node(v).isRoot()) {
                assertThat(position[v]).isLessThan(position[forest.node(v).parent()]);
            }
        }
    }

    @Test
    void refusesACycle() {
        assertThatThrownBy(() -> GeographyForest.of(List.of(
                GeographyNode.root("C", "country"),
                new GeographyNode("A", "region", 2),
                new GeographyNode("B", "ward", 1))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cycle");
    }

    @Test
    void refusesADuplicateCodeAndAParentOutOfRange() {
        assertThatThrownBy(() -> GeographyForest.of(List.of(GeographyNode.root("C", "country"), GeographyNode.root("C", "country"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("more than once");
        assertThatThrownBy(() -> GeographyForest.of(List.of(GeographyNode.root("C", "country"), new GeographyNode("W", "ward", 5))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("parent 5");
    }

    @Test
    void refusesANodeUnderAnotherOfItsOwnLevelWhichWouldCountAPersonTwiceInOneTable() {
        assertThatThrownBy(() -> GeographyForest.of(List.of(
                GeographyNode.root("C", "country"),
                new GeographyNode("A", "area", 0),
                new GeographyNode("B", "area", 1))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("B lies under A");
    }
}
