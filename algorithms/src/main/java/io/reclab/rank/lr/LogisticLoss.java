package io.reclab.rank.lr;

import io.reclab.rank.Samples;

/**
 * Logistic loss of a linear model on sparse samples: margin m = b + sum_j w_j x_j, p = sigmoid(m),
 * loss = -[y log p + (1 - y) log(1 - p)], whose gradient is (p - y) x_j (and p - y for the bias).
 * Training code uses {@link #dLossDMargin} so the tested gradient and the trained one are the same function.
 */
public final class LogisticLoss {
    private LogisticLoss() {}

    public static double sigmoid(double m) {
        return m >= 0 ? 1 / (1 + Math.exp(-m)) : Math.exp(m) / (1 + Math.exp(m));
    }

    /** d loss / d margin = p - y. */
    public static double dLossDMargin(double margin, double y) { return sigmoid(margin) - y; }

    /** Loss from the margin, computed stably: log(1 + e^m) - y m. */
    public static double lossFromMargin(double m, double y) {
        double softplus = m > 0 ? m + Math.log1p(Math.exp(-m)) : Math.log1p(Math.exp(m));
        return softplus - y * m;
    }

    public static double margin(double[] w, double b, Samples s, int row) {
        double m = b;
        for (int p = s.rowPtr()[row]; p < s.rowPtr()[row + 1]; p++) m += w[s.featIds()[p]] * s.featVals()[p];
        return m;
    }

    /** Mean loss over the samples. */
    public static double loss(double[] w, double b, Samples s) {
        double sum = 0;
        for (int r = 0; r < s.size(); r++) sum += lossFromMargin(margin(w, b, s, r), s.labels()[r]);
        return sum / s.size();
    }

    /** Gradient of the mean loss: fills {@code gw} (zeroed first) and returns the bias gradient. */
    public static double gradient(double[] w, double b, Samples s, double[] gw) {
        java.util.Arrays.fill(gw, 0);
        double gb = 0;
        int n = s.size();
        for (int r = 0; r < n; r++) {
            double g = dLossDMargin(margin(w, b, s, r), s.labels()[r]) / n;
            gb += g;
            for (int p = s.rowPtr()[r]; p < s.rowPtr()[r + 1]; p++) gw[s.featIds()[p]] += g * s.featVals()[p];
        }
        return gb;
    }
}
