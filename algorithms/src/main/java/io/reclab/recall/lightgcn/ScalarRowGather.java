package io.reclab.recall.lightgcn;

import java.util.Arrays;

/**
 * Plain-Java {@link RowGather}: four neighbours per pass over the k coordinates, so the loop over the output row
 * auto-vectorises and each stored row element carries four gathered products (about 1.7× one neighbour per
 * pass on a 10k-node graph, measured when this was the only kernel).
 */
final class ScalarRowGather extends RowGather {
    /** Per-thread accumulator row: summing into a private array (not into {@code out}, which may alias {@code in}
     *  as far as the JIT knows) is what lets the inner loop vectorise. */
    private final ThreadLocal<float[]> scratch = ThreadLocal.withInitial(() -> new float[0]);

    @Override
    void gather(int[] ix, float[] w, int from, int to, float[] in, int k, float[] out, int o, float[] acc, float[] base,
                float scale) {
        float[] row = scratch.get();
        if (row.length < k) scratch.set(row = new float[k]);
        Arrays.fill(row, 0, k, 0f);
        int q = from;
        for (; q + 3 < to; q += 4) {
            float a0 = w[q], a1 = w[q + 1], a2 = w[q + 2], a3 = w[q + 3];
            int c0 = ix[q] * k, c1 = ix[q + 1] * k, c2 = ix[q + 2] * k, c3 = ix[q + 3] * k;
            for (int t = 0; t < k; t++)
                row[t] += (a0 * in[c0 + t] + a1 * in[c1 + t]) + (a2 * in[c2 + t] + a3 * in[c3 + t]);
        }
        for (; q < to; q++) {
            float a = w[q];
            int c = ix[q] * k;
            for (int t = 0; t < k; t++) row[t] += a * in[c + t];
        }
        finish(row, k, out, o, acc, base, scale);
    }

    @Override
    void gatherSkippingZeroRows(int[] ix, float[] w, int from, int to, float[] in, int k, float[] out, int o, float[] acc,
                                float[] base, float scale, int[] mark, int tag) {
        float[] row = scratch.get();
        if (row.length < k) scratch.set(row = new float[k]);
        Arrays.fill(row, 0, k, 0f);
        for (int q = from; q < to; q++) {
            int col = ix[q];
            if (mark[col] != tag) continue;
            float a = w[q];
            int c = col * k;
            for (int t = 0; t < k; t++) row[t] += a * in[c + t];
        }
        finish(row, k, out, o, acc, base, scale);
    }

    private static void finish(float[] row, int k, float[] out, int o, float[] acc, float[] base, float scale) {
        System.arraycopy(row, 0, out, o, k);
        if (acc == null) return;
        if (base == null) for (int t = 0; t < k; t++) acc[o + t] = row[t] * scale;
        else for (int t = 0; t < k; t++) acc[o + t] = (base[o + t] + row[t]) * scale;
    }

    @Override
    String name() { return "scalar"; }
}
