package org.sightline.bench.scale;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScaleDataSetTest {

    private static final List<String> LSOAS = lsoas(3_000);

    @Test
    void theSameSeedGivesTheSameFilesAndAnotherSeedOthers() {
        ScaleDataSet one = new ScaleDataSet(7, LSOAS);
        ScaleIndicator indicator = one.indicators().get(0);
        assertThat(new ScaleDataSet(7, LSOAS).releaseCsv(indicator, "2019")).isEqualTo(one.releaseCsv(indicator, "2019"));
        assertThat(new ScaleDataSet(8, LSOAS).releaseCsv(indicator, "2019")).isNotEqualTo(one.releaseCsv(indicator, "2019"));
        assertThat(one.releaseCsv(indicator, "2020")).isNotEqualTo(one.releaseCsv(indicator, "2019"));
    }

    @Test
    void eachReleaseHasOneRowPerLsoaAndCombinationWithCountsNearTheStatedMean() {
        ScaleDataSet dataSet = new ScaleDataSet(1, LSOAS);
        for (ScaleIndicator indicator : dataSet.indicators()) {
            String[] lines = dataSet.releaseCsv(indicator, indicator.periods().get(0)).split("\n");
            assertThat(lines[0]).isEqualTo("area_code,period," + String.join(",", indicator.characteristicTypes()) + ",count");
            assertThat((long) lines.length - 1).isEqualTo(dataSet.rowsPerPeriod(indicator)).isEqualTo(LSOAS.size() * 12L);
            double sum = 0;
            for (int i = 1; i < lines.length; i++) {
                long count = Long.parseLong(lines[i].substring(lines[i].lastIndexOf(',') + 1));
                assertThat(count).isNotNegative();
                sum += count;
            }
            // Area factors are uniform on [0.5, 1.5), so the mean cell is the indicator's stated mean.
            assertThat(sum / (lines.length - 1)).isCloseTo(indicator.meanPerCell(), org.assertj.core.data.Percentage.withPercentage(5));
        }
    }

    @Test
    void englandGivesAtLeastTenMillionRows() {
        ScaleDataSet england = new ScaleDataSet(1, lsoas(32_844));
        long rows = england.indicators().stream().mapToLong(i -> england.rowsPerPeriod(i) * i.periods().size()).sum();
        assertThat(rows).isGreaterThanOrEqualTo(10_000_000);
    }

    @Test
    void poissonDrawsHaveTheirMean() {
        var random = new java.util.SplittableRandom(3);
        for (double mean : new double[] {0.4, 3, 100}) {
            double sum = 0;
            for (int i = 0; i < 20_000; i++) {
                sum += ScaleDataSet.poisson(random, mean);
            }
            assertThat(sum / 20_000).isCloseTo(mean, org.assertj.core.data.Percentage.withPercentage(4));
        }
    }

    private static List<String> lsoas(int n) {
        List<String> codes = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            codes.add(String.format("E01%06d", i));
        }
        return codes;
    }
}
