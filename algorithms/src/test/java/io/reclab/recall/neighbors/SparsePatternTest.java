package io.reclab.recall.neighbors;

import io.reclab.data.Interactions;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class SparsePatternTest {
    @Test
    void duplicatesCollapseAndTransposeKeepsRowsSorted() {
        // user 0 saw item 2 twice and item 0 once; user 1 saw items 1 and 2
        Interactions log = Fixtures.log(3, new int[][]{{2, 0, 2}, {2, 1}});
        SparsePattern ui = SparsePattern.userItems(log);
        assertArrayEquals(new int[]{0, 2}, ui.row(0));
        assertArrayEquals(new int[]{1, 2}, ui.row(1));
        assertEquals(4, ui.nnz()); // 5 log rows, one duplicate
        SparsePattern iu = ui.transpose();
        assertEquals(3, iu.rows);
        assertArrayEquals(new int[]{0}, iu.row(0));
        assertArrayEquals(new int[]{1}, iu.row(1));
        assertArrayEquals(new int[]{0, 1}, iu.row(2));
        assertArrayEquals(new int[]{1, 1, 2}, iu.degrees());
    }

    @Test
    void rowNormalisations() {
        // row 0: {1: 2, 2: 1}; row 1: {0: 4}; row 2 empty
        SparseRows w = new SparseRows(3, 3, new int[]{0, 2, 3, 3}, new int[]{1, 2, 0}, new float[]{2f, 1f, 4f});
        SparseRows byMax = w.normalizeRowsByMax();
        // 2/2 = 1, 1/2 = 0.5, 4/4 = 1
        assertArrayEquals(new float[]{1f, 0.5f, 1f}, byMax.values);
        SparseRows l1 = w.normalizeRowsL1();
        // 2/3, 1/3, 4/4
        assertArrayEquals(new float[]{2f / 3, 1f / 3, 1f}, l1.values, 1e-7f);
        assertEquals(0f, w.get(2, 0));
        assertEquals(2f, w.get(0, 1));
    }
}
