package io.reclab.nn;

import java.util.SplittableRandom;
import java.util.function.DoubleSupplier;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** Central finite differences of a scalar loss against analytic gradients, entry by entry. */
final class Fd {
    private Fd() {}

    /**
     * For every i in [off, off+len): (L(a_i + h) - L(a_i - h)) / 2h vs {@code analytic[aOff + i - off]},
     * within atol + rtol * max(|.|). Fails listing every mismatch; requires some gradient to be clearly nonzero.
     */
    static void check(String name, float[] arr, int off, int len, float[] analytic, int aOff, DoubleSupplier loss,
                      double h, double atol, double rtol) {
        StringBuilder err = new StringBuilder();
        double maxAbs = 0;
        for (int i = off; i < off + len; i++) {
            float keep = arr[i];
            arr[i] = (float) (keep + h);
            double up = loss.getAsDouble(), hp = arr[i] - (double) keep;
            arr[i] = (float) (keep - h);
            double down = loss.getAsDouble(), hm = keep - (double) arr[i];
            arr[i] = keep;
            double num = (up - down) / (hp + hm), an = analytic[aOff + i - off];
            maxAbs = Math.max(maxAbs, Math.abs(an));
            if (Math.abs(num - an) > atol + rtol * Math.max(Math.abs(num), Math.abs(an)))
                err.append(name).append('[').append(i - off).append("]: analytic ").append(an).append(" numeric ").append(num).append('\n');
        }
        if (err.length() > 0) fail(err.toString());
        assertTrue(maxAbs > 10 * atol, name + ": all gradients ~0, the check proves nothing");
    }

    static void check(String name, float[] arr, float[] analytic, DoubleSupplier loss) {
        check(name, arr, 0, arr.length, analytic, 0, loss, 1e-2, 2e-4, 1e-2);
    }

    static float[] gaussian(int n, long seed, double std) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] a = new float[n];
        for (int i = 0; i < n; i++) a[i] = (float) (r.nextGaussian() * std);
        return a;
    }

    /** sum_i c_i y_i in double. */
    static double dot(float[] c, float[] y, int n) {
        double s = 0;
        for (int i = 0; i < n; i++) s += (double) c[i] * y[i];
        return s;
    }
}
