package io.reclab.recall.neighbors;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class NeighborSelectionTest {
    /** Row r gets raw weight (c % 3) + 1 for every c, so the top-k order is by weight, ties by smaller column. */
    private static final NeighborSelection.RowKernel MOD3 = (r, acc) -> {
        for (int c = 6; c >= 0; c--) acc.add(c, (c % 3) + 1);
    };

    @Test
    void keepsTopKWithTiesBySmallerIdAndDropsDiagonal() {
        SparseRows w = NeighborSelection.build(7, 7, 3, 1, MOD3, null);
        // row 2: weights c0:1 c1:2 c2:3(diagonal, dropped) c3:1 c4:2 c5:3 c6:1 → best three: 5 (3), 1 (2), 4 (2)
        assertArrayEquals(new int[]{5, 1, 4}, Arrays.copyOfRange(w.cols, w.indptr[2], w.indptr[3]));
        assertArrayEquals(new float[]{3f, 2f, 2f}, Arrays.copyOfRange(w.values, w.indptr[2], w.indptr[3]));
        for (int r = 0; r < 7; r++) {
            assertEquals(3, w.rowLength(r));
            for (int p = w.indptr[r]; p < w.indptr[r + 1]; p++) if (w.cols[p] == r) throw new AssertionError("diagonal kept in row " + r);
        }
    }

    @Test
    void finisherAppliesAndZerosAreDropped() {
        // finisher keeps only even columns: w = raw * 10 for even c, 0 otherwise
        SparseRows w = NeighborSelection.build(7, 7, 100, 1, MOD3, (r, c, raw) -> c % 2 == 0 ? raw * 10 : 0);
        // row 0: even columns 2 (30), 4 (20), 6 (10); 0 is the diagonal
        assertArrayEquals(new int[]{2, 4, 6}, Arrays.copyOfRange(w.cols, w.indptr[0], w.indptr[1]));
        assertArrayEquals(new float[]{30f, 20f, 10f}, Arrays.copyOfRange(w.values, w.indptr[0], w.indptr[1]));
    }

    @Test
    void identicalForAnyThreadCount() {
        int[][] rows = Fixtures.random(80, 60, 0.15, 7);
        SparsePattern ui = SparsePattern.userItems(Fixtures.log(60, rows));
        SparsePattern iu = ui.transpose();
        double[] weight = new double[ui.rows];
        for (int u = 0; u < weight.length; u++) weight[u] = 1.0 / (1 + ui.degree(u));
        SparseRows one = NeighborSelection.build(60, 60, 10, 1, (r, acc) -> NeighborSelection.coOccurrence(iu, ui, weight, r, acc), null);
        for (int t : new int[]{2, 3, 5}) {
            SparseRows many = NeighborSelection.build(60, 60, 10, t, (r, acc) -> NeighborSelection.coOccurrence(iu, ui, weight, r, acc), null);
            assertArrayEquals(one.indptr, many.indptr);
            assertArrayEquals(one.cols, many.cols);
            assertArrayEquals(one.values, many.values);
        }
    }

    @Test
    void workerFailurePropagates() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> NeighborSelection.build(50, 5, 2, 3,
                (r, acc) -> { if (r == 37) throw new IllegalStateException("row 37 broke"); }, null));
        assertEquals("row 37 broke", e.getMessage());
    }
}
