package io.reclab.util;

/**
 * Skips runs of scores that cannot enter a top-K list. With the incubating Vector API resolved
 * ({@code --add-modules jdk.incubator.vector}, as the launcher and build pass) whole vectors of scores are compared
 * with the threshold at once; without it the scalar caller simply checks every element. This class never names a
 * Vector API type, so it loads without the module.
 */
final class Scan {
    static final boolean VECTOR = probe();

    private Scan() {}

    private static boolean probe() {
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) return false;
        try {
            return VectorScan.lanes() >= 4;
        } catch (LinkageError e) {
            return false;
        }
    }

    /**
     * An index {@code i} in {@code [from, to]} such that no element of {@code a[from .. i)} is greater than
     * {@code thr} (NaN is never greater). Call only when {@link #VECTOR} is true.
     */
    static int skipNotAbove(float[] a, int from, int to, float thr) {
        return VectorScan.skipNotAbove(a, from, to, thr);
    }
}
