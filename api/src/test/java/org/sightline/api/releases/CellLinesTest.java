package org.sightline.api.releases;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The per-cell lines of a release file: repeats found with their first line, in bounded memory. */
class CellLinesTest {

    @Test
    void aRepeatedCellIsReportedWithTheLineItRepeats() {
        CellLines lines = new CellLines(new int[] {2, 6}, 1_000);
        assertThat(lines.putIfAbsent(17, 0, new int[] {1, 3}, 2)).isEqualTo(-1);
        assertThat(lines.putIfAbsent(17, 0, new int[] {1, 4}, 3)).isEqualTo(-1);
        assertThat(lines.putIfAbsent(17, 1, new int[] {1, 3}, 4)).isEqualTo(-1);
        assertThat(lines.putIfAbsent(17, 0, new int[] {1, 3}, 5)).isEqualTo(2);
    }

    @Test
    void pastItsLimitNoNewCellIsKeptButRepeatsOfKeptCellsAreStillFound() {
        CellLines lines = new CellLines(new int[] {2}, 3);
        for (int area = 1; area <= 3; area++) {
            assertThat(lines.putIfAbsent(area, 0, new int[] {1}, area + 1)).isEqualTo(-1);
        }
        // Memory is full: a fourth cell is not kept, so its repeat is left to the database.
        assertThat(lines.putIfAbsent(4, 0, new int[] {1}, 5)).isEqualTo(-1);
        assertThat(lines.putIfAbsent(4, 0, new int[] {1}, 6)).isEqualTo(-1);
        assertThat(lines.putIfAbsent(2, 0, new int[] {1}, 7)).isEqualTo(3);
    }

    @Test
    void periodsBeyondThePackedRangeAreBoundedToo() {
        CellLines lines = new CellLines(new int[] {2}, 100);
        for (int period = 1024; period < 1024 + 10; period++) {
            assertThat(lines.putIfAbsent(1, period, new int[] {1}, period)).isEqualTo(-1);
        }
        // A tenth of the limit for boxed keys: the eleventh is not kept.
        assertThat(lines.putIfAbsent(1, 2000, new int[] {1}, 9)).isEqualTo(-1);
        assertThat(lines.putIfAbsent(1, 2000, new int[] {1}, 10)).isEqualTo(-1);
        assertThat(lines.putIfAbsent(1, 1024, new int[] {1}, 11)).isEqualTo(1024);
    }
}
