package org.sightline.bench.scale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sightline.bench.RawSql;

/** The raw SQL of the England questions is one self-contained statement pgbench can run as it is. */
class RawSqlQueriesTest {

    private static final List<String> ALL = List.of(
            RawSqlQueries.areaTotals("scale-population-1", ScaleScenarios.TRAFFORD, "ward"),
            RawSqlQueries.wardsByNeedAndSex("scale-service-contacts", ScaleScenarios.TRAFFORD),
            RawSqlQueries.compare("scale-population-3", ScaleScenarios.NORTH_WEST, "lad", ScaleScenarios.ENGLAND),
            RawSqlQueries.rank("scale-population-2", ScaleScenarios.ENGLAND, "ward"),
            RawSqlQueries.lsoasBySex("scale-population-4", ScaleScenarios.NORTH_WEST));

    @Test
    void everyStatementFindsItsIdsByCodeAndHasNoPgbenchVariableOrSemicolon() {
        for (String sql : ALL) {
            assertThat(sql).startsWith("WITH cur AS (").contains("i.slug = 'scale-", "r.status = 'PUBLISHED'", "AS MATERIALIZED",
                    "o.release_id = cur.release_id AND o.period_id = cur.period_id").doesNotContain(":", ";");
            assertThat(new RawSql(sql, 1).oneLine()).doesNotContain("\n");
        }
    }

    @Test
    void theBenchmarkAreaIsSummedThroughTheClosureToo() {
        assertThat(ALL.get(2)).contains("b.code = 'E92000001'", "l.ancestor_id = b.id", "o.area_id = l.descendant_id");
    }

    @Test
    void onlyCodesAndSlugsBecomeLiterals() {
        assertThatThrownBy(() -> RawSqlQueries.rank("x'; DROP TABLE area; --", ScaleScenarios.ENGLAND, "ward"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
