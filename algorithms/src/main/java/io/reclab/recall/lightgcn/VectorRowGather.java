package io.reclab.recall.lightgcn;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link RowGather} on the incubating Vector API ({@code jdk.incubator.vector}). The output row is cut into
 * blocks of four vectors (64 floats with AVX-512's 16 lanes, i.e. a whole dim-64 row); a block is accumulated in
 * registers across all the row's nonzeros with fused multiply-adds and stored once. Two nonzeros per step into
 * two sets of accumulators (8 independent FMA chains, enough to cover the FMA latency), summed at the end.
 * Load only through {@link RowGather#best()}: this class links against the incubator module.
 */
final class VectorRowGather extends RowGather {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    private static final int B = 4 * L;

    static int lanes() { return L; }

    static RowGather create() { return new VectorRowGather(); }

    @Override
    void gather(int[] ix, float[] w, int from, int to, float[] in, int k, float[] out, int o, float[] acc, float[] base,
                float scale) {
        int c0 = 0;
        for (; c0 + B <= k; c0 += B) {
            block4(ix, w, from, to, in, k, c0, out, o, acc, base, scale);
        }
        for (; c0 + L <= k; c0 += L) {
            FloatVector s = FloatVector.zero(S);
            for (int q = from; q < to; q++)
                s = FloatVector.fromArray(S, in, ix[q] * k + c0).fma(FloatVector.broadcast(S, w[q]), s);
            store(s, out, o + c0, acc, base, scale);
        }
        for (; c0 < k; c0++) {
            float s = 0;
            for (int q = from; q < to; q++) s += w[q] * in[ix[q] * k + c0];
            out[o + c0] = s;
            if (acc != null) acc[o + c0] = ((base == null ? 0f : base[o + c0]) + s) * scale;
        }
    }

    private static void block4(int[] ix, float[] w, int from, int to, float[] in, int k, int c0, float[] out, int o, float[] acc,
                               float[] base, float scale) {
        FloatVector s0 = FloatVector.zero(S), s1 = s0, s2 = s0, s3 = s0, t0 = s0, t1 = s0, t2 = s0, t3 = s0;
        int q = from;
        for (; q + 1 < to; q += 2) {
            FloatVector a = FloatVector.broadcast(S, w[q]), b = FloatVector.broadcast(S, w[q + 1]);
            int p = ix[q] * k + c0, r = ix[q + 1] * k + c0;
            s0 = FloatVector.fromArray(S, in, p).fma(a, s0);
            s1 = FloatVector.fromArray(S, in, p + L).fma(a, s1);
            s2 = FloatVector.fromArray(S, in, p + 2 * L).fma(a, s2);
            s3 = FloatVector.fromArray(S, in, p + 3 * L).fma(a, s3);
            t0 = FloatVector.fromArray(S, in, r).fma(b, t0);
            t1 = FloatVector.fromArray(S, in, r + L).fma(b, t1);
            t2 = FloatVector.fromArray(S, in, r + 2 * L).fma(b, t2);
            t3 = FloatVector.fromArray(S, in, r + 3 * L).fma(b, t3);
        }
        if (q < to) {
            FloatVector a = FloatVector.broadcast(S, w[q]);
            int p = ix[q] * k + c0;
            s0 = FloatVector.fromArray(S, in, p).fma(a, s0);
            s1 = FloatVector.fromArray(S, in, p + L).fma(a, s1);
            s2 = FloatVector.fromArray(S, in, p + 2 * L).fma(a, s2);
            s3 = FloatVector.fromArray(S, in, p + 3 * L).fma(a, s3);
        }
        int d = o + c0;
        store(s0.add(t0), out, d, acc, base, scale);
        store(s1.add(t1), out, d + L, acc, base, scale);
        store(s2.add(t2), out, d + 2 * L, acc, base, scale);
        store(s3.add(t3), out, d + 3 * L, acc, base, scale);
    }

    private static void store(FloatVector s, float[] out, int d, float[] acc, float[] base, float scale) {
        s.intoArray(out, d);
        if (acc == null) return;
        FloatVector v = base == null ? s : FloatVector.fromArray(S, base, d).add(s);
        (scale == 1f ? v : v.mul(scale)).intoArray(acc, d);
    }

    @Override
    String name() { return "vector" + L; }
}
