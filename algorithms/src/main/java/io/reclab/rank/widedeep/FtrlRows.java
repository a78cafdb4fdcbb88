package io.reclab.rank.widedeep;

import io.reclab.optim.Ftrl;
import io.reclab.optim.RowOptimizer;

/**
 * Presents per-coordinate {@link Ftrl} as a {@link RowOptimizer} over a table of one weight per feature, so the
 * trainer can step the wide part's touched rows like any sparse table; the table holds the materialised weights
 * (exact zeros for features L1 has switched off) that the forward pass reads.
 */
final class FtrlRows implements RowOptimizer {
    private final float[] table;
    private final Ftrl ftrl;

    FtrlRows(float[] table, double alpha, double beta, double l1, double l2) {
        this.table = table;
        this.ftrl = new Ftrl(table.length, alpha, beta, l1, l2);
        for (int i = 0; i < table.length; i++) table[i] = (float) ftrl.weight(i);
    }

    @Override
    public void step(int row, float[] grad, int off) {
        ftrl.update(row, grad[off]);
        table[row] = (float) ftrl.weight(row);
    }

    @Override public float[] table() { return table; }
    @Override public int dim() { return 1; }
}
