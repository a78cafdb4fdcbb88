package io.reclab.recall;

import org.junit.jupiter.api.Test;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

class DotProductScorerTest {
    private static final int[] DIMS = {1, 3, 17, 64, 65};
    /** Around the panel widths: 16/64 (AVX-512), 8/32 (AVX2), 1024 (scalar); none a multiple of every width. */
    private static final int[] ITEMS = {1, 5, 31, 63, 64, 65, 129, 1030};
    private static final boolean[] PATHS = {true, false};

    private static float[] gaussian(SplittableRandom r, int n) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) x[i] = (float) (Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble()));
        return x;
    }

    @Test
    void vectorApiIsResolvedInTheBuild() {
        // the surefire argLine passes --add-modules jdk.incubator.vector; without it the vector tests below would
        // silently exercise the scalar kernel twice
        assertTrue(Simd.AVAILABLE, "jdk.incubator.vector not resolved: check surefire argLine");
        assertTrue(new DotProductScorer(2, new float[2], new float[2], null).kernelName().startsWith("vector"));
        assertTrue(new DotProductScorer(2, new float[2], new float[2], null, false).kernelName().startsWith("scalar"));
    }

    @Test
    void handComputedScores() {
        // u0 = (1, 2), u1 = (-1, 0.5); v0 = (3, 4), v1 = (-1, 0.5), v2 = (0, 0); bias = (0.5, -1, 2)
        // s(u0,v0) = 3 + 8 + 0.5 = 11.5     s(u0,v1) = -1 + 1 - 1 = -1    s(u0,v2) = 0 + 2 = 2
        // s(u1,v0) = -3 + 2 + 0.5 = -0.5    s(u1,v1) = 1 + 0.25 - 1 = 0.25 s(u1,v2) = 2
        float[] u = {1, 2, -1, 0.5f}, v = {3, 4, -1, 0.5f, 0, 0}, b = {0.5f, -1, 2};
        for (boolean vec : PATHS) {
            DotProductScorer s = new DotProductScorer(2, u, v, b, vec);
            float[] out = new float[6];
            s.scoreBlock(new int[]{0, 1}, 0, 2, out);
            assertArrayEquals(new float[]{11.5f, -1f, 2f, -0.5f, 0.25f, 2f}, out, 0f, s.kernelName());
            assertEquals(0.25f, s.score(1, 1), 0f);
        }
    }

    /** Every kernel against a double-precision reference, for awkward dims, item counts and block sizes. */
    @Test
    void matchesDoubleReferenceOnAwkwardSizes() {
        SplittableRandom r = new SplittableRandom(11);
        for (int dim : DIMS)
            for (int ni : ITEMS) {
                int nu = 11;
                float[] u = gaussian(r, nu * dim), v = gaussian(r, ni * dim);
                float[] b = r.nextBoolean() ? gaussian(r, ni) : null;
                for (boolean vec : PATHS) {
                    DotProductScorer s = new DotProductScorer(dim, u, v, b, vec);
                    for (int bs = 1; bs <= 9; bs++) {
                        int[] users = new int[bs + 2];
                        for (int i = 0; i < users.length; i++) users[i] = r.nextInt(nu);
                        float[] out = new float[bs * ni + 3];
                        out[bs * ni] = 42f;
                        s.scoreBlock(users, 1, 1 + bs, out);
                        assertEquals(42f, out[bs * ni], "wrote past the block");
                        for (int row = 0; row < bs; row++)
                            for (int i = 0; i < ni; i++) {
                                int user = users[1 + row];
                                double dot = 0, mag = 0;
                                for (int k = 0; k < dim; k++) {
                                    double p = (double) u[user * dim + k] * v[i * dim + k];
                                    dot += p;
                                    mag += Math.abs(p);
                                }
                                if (b != null) { dot += b[i]; mag += Math.abs(b[i]); }
                                // float rounding error of a length-dim sum is bounded by ~dim * 2^-24 * sum|terms|
                                double tol = 1e-5 * mag + 1e-30;
                                float got = out[row * ni + i];
                                if (!(Math.abs(got - dot) <= tol))
                                    fail(s.kernelName() + " dim " + dim + " items " + ni + " user " + user + " item " + i
                                            + ": " + got + " vs " + dot);
                            }
                    }
                }
            }
    }

    /** A pair's score is the same bits alone, anywhere in any block, per pair, and on either kernel. */
    @Test
    void bitIdenticalAcrossBlocksAndKernels() {
        SplittableRandom r = new SplittableRandom(5);
        for (int dim : DIMS)
            for (int ni : new int[]{7, 65, 1030}) {
                int nu = 13;
                float[] u = gaussian(r, nu * dim), v = gaussian(r, ni * dim), b = gaussian(r, ni);
                DotProductScorer vec = new DotProductScorer(dim, u, v, b, true);
                DotProductScorer sca = new DotProductScorer(dim, u, v, b, false);
                float[][] alone = new float[nu][ni];
                for (int user = 0; user < nu; user++) {
                    vec.scoreBlock(new int[]{user}, 0, 1, alone[user]);
                    float[] s2 = new float[ni];
                    sca.scoreBlock(new int[]{user}, 0, 1, s2);
                    assertArrayEquals(alone[user], s2, 0f, "vector vs scalar, dim " + dim + " items " + ni);
                    for (int i = 0; i < ni; i++) {
                        assertEquals(Float.floatToRawIntBits(alone[user][i]), Float.floatToRawIntBits(vec.score(user, i)));
                        assertEquals(Float.floatToRawIntBits(alone[user][i]), Float.floatToRawIntBits(sca.score(user, i)));
                    }
                }
                // all users in shuffled order, in blocks of every size from 1 to 9 (so users land in the 4-user
                // micro-kernel or the 1-user remainder depending on the block)
                int[] order = new int[nu];
                for (int i = 0; i < nu; i++) order[i] = i;
                for (int i = nu - 1; i > 0; i--) { int j = r.nextInt(i + 1), t = order[i]; order[i] = order[j]; order[j] = t; }
                for (int bs = 1; bs <= 9; bs++)
                    for (DotProductScorer s : new DotProductScorer[]{vec, sca}) {
                        float[] out = new float[bs * ni];
                        for (int from = 0; from < nu; from += bs) {
                            int to = Math.min(nu, from + bs);
                            s.scoreBlock(order, from, to, out);
                            for (int row = 0; row < to - from; row++)
                                for (int i = 0; i < ni; i++)
                                    if (Float.floatToRawIntBits(alone[order[from + row]][i]) != Float.floatToRawIntBits(out[row * ni + i]))
                                        fail(s.kernelName() + " block " + bs + " dim " + dim + " items " + ni + " user "
                                                + order[from + row] + " item " + i + ": " + out[row * ni + i] + " alone "
                                                + alone[order[from + row]][i]);
                        }
                    }
            }
    }

    @Test
    void biasIsAddedAfterTheDotProduct() {
        SplittableRandom r = new SplittableRandom(3);
        int dim = 17, ni = 70;
        float[] u = gaussian(r, 2 * dim), v = gaussian(r, ni * dim), b = gaussian(r, ni);
        for (boolean vec : PATHS) {
            DotProductScorer plain = new DotProductScorer(dim, u, v, null, vec);
            DotProductScorer biased = new DotProductScorer(dim, u, v, b, vec);
            float[] p = new float[2 * ni], q = new float[2 * ni];
            plain.scoreBlock(new int[]{0, 1}, 0, 2, p);
            biased.scoreBlock(new int[]{0, 1}, 0, 2, q);
            for (int i = 0; i < 2 * ni; i++) assertEquals(p[i] + b[i % ni], q[i], 0f);
        }
    }

    @Test
    void rejectsBadShapes() {
        assertThrows(IllegalArgumentException.class, () -> new DotProductScorer(0, new float[0], new float[0], null));
        assertThrows(IllegalArgumentException.class, () -> new DotProductScorer(3, new float[4], new float[3], null));
        assertThrows(IllegalArgumentException.class, () -> new DotProductScorer(3, new float[3], new float[6], new float[3]));
        DotProductScorer s = new DotProductScorer(2, new float[4], new float[6], null);
        assertThrows(IllegalArgumentException.class, () -> s.scoreBlock(new int[]{0, 1}, 0, 2, new float[5]));
        assertThrows(IllegalArgumentException.class, () -> s.scoreBlock(new int[]{0, 2}, 0, 2, new float[6]));
        assertThrows(IllegalArgumentException.class, () -> s.score(0, 3));
    }

    /**
     * Without {@code --add-modules jdk.incubator.vector} (someone running the jar with plain {@code java -jar}) the
     * scorer must still load, pick the scalar kernel and give the same scores.
     */
    @Test
    void fallsBackToScalarWithoutTheModule() throws Exception {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        List<String> cmd = new ArrayList<>(List.of(java, "-Xint", "-cp", cp, KernelProbe.class.getName()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "probe JVM did not finish");
        String outText = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertEquals(0, p.exitValue(), outText);
        String[] lines = outText.split("\n");
        assertTrue(lines[0].startsWith("scalar"), outText);
        assertEquals(KernelProbe.scores(true), lines[1].trim(), "same scores as the vector kernel in this JVM");
    }
}
