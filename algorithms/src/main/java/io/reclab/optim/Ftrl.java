package io.reclab.optim;

/**
 * FTRL-Proximal, per coordinate (McMahan et al. 2013, "Ad Click Prediction: a View from the Trenches", KDD,
 * Algorithm 1). State per coordinate: z and n. The weight is computed lazily from the state:
 * <pre>
 *   w_i = 0                                                  if |z_i| <= lambda1
 *   w_i = -(z_i - sgn(z_i) lambda1) / ((beta + sqrt(n_i)) / alpha + lambda2)   otherwise
 * </pre>
 * and a gradient g_i updates sigma = (sqrt(n_i + g_i^2) - sqrt(n_i)) / alpha, z_i += g_i - sigma w_i, n_i += g_i^2.
 * L1 gives exact zeros (sparse models), which is why the Wide part of Wide&amp;Deep uses it.
 */
public final class Ftrl {
    private final double[] z;
    private final double[] n;
    private final double alpha;
    private final double beta;
    private final double lambda1;
    private final double lambda2;

    public Ftrl(int size, double alpha, double beta, double lambda1, double lambda2) {
        if (!(alpha > 0) || !(beta >= 0) || !(lambda1 >= 0) || !(lambda2 >= 0))
            throw new IllegalArgumentException("FTRL needs alpha > 0 and beta, lambda1, lambda2 >= 0");
        this.z = new double[size];
        this.n = new double[size];
        this.alpha = alpha;
        this.beta = beta;
        this.lambda1 = lambda1;
        this.lambda2 = lambda2;
    }

    public int size() { return z.length; }

    /** The current weight of coordinate i. */
    public double weight(int i) {
        double zi = z[i];
        if (Math.abs(zi) <= lambda1) return 0;
        return -(zi - Math.signum(zi) * lambda1) / ((beta + Math.sqrt(n[i])) / alpha + lambda2);
    }

    /** Applies gradient g to coordinate i (g = (p - y) x_i for logistic loss). */
    public void update(int i, double g) {
        double w = weight(i);
        double sigma = (Math.sqrt(n[i] + g * g) - Math.sqrt(n[i])) / alpha;
        z[i] += g - sigma * w;
        n[i] += g * g;
    }

    /** All weights, materialised (for a fitted, immutable model). */
    public float[] weights() {
        float[] w = new float[z.length];
        for (int i = 0; i < w.length; i++) w[i] = (float) weight(i);
        return w;
    }
}
