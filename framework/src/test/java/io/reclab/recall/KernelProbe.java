package io.reclab.recall;

import java.util.SplittableRandom;

/** Run in a child JVM by {@link DotProductScorerTest}: prints the default kernel and a few scores' bits. */
final class KernelProbe {
    private KernelProbe() {}

    public static void main(String[] args) {
        System.out.println(model(true).kernelName());
        System.out.println(scores(true));
    }

    private static DotProductScorer model(boolean vector) {
        SplittableRandom r = new SplittableRandom(9);
        int dim = 19, nu = 5, ni = 37;
        float[] u = new float[nu * dim], v = new float[ni * dim], b = new float[ni];
        for (int i = 0; i < u.length; i++) u[i] = (float) (r.nextDouble() - 0.5);
        for (int i = 0; i < v.length; i++) v[i] = (float) (r.nextDouble() - 0.5);
        for (int i = 0; i < b.length; i++) b[i] = (float) (r.nextDouble() - 0.5);
        return new DotProductScorer(dim, u, v, b, vector);
    }

    /** Hex bits of all scores of the probe model, from the default (vector when available) kernel. */
    static String scores(boolean vector) {
        DotProductScorer s = model(vector);
        float[] out = new float[s.numUsers() * s.numItems()];
        s.scoreBlock(new int[]{0, 1, 2, 3, 4}, 0, 5, out);
        StringBuilder sb = new StringBuilder();
        for (float x : out) sb.append(Integer.toHexString(Float.floatToRawIntBits(x))).append(' ');
        return sb.toString().trim();
    }
}
