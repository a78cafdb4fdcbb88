package io.reclab.nn;

/**
 * The sigmoid link and binary cross-entropy on logits, in forms that do not overflow:
 * {@code BCE(z, y) = max(z, 0) - z y + log(1 + exp(-|z|))}, whose derivative in z is {@code sigmoid(z) - y}.
 */
public final class Logistic {
    private Logistic() {}

    public static float sigmoid(float z) {
        if (z >= 0) return (float) (1.0 / (1.0 + Math.exp(-z)));
        double e = Math.exp(z);
        return (float) (e / (1.0 + e));
    }

    /** -[y log s(z) + (1-y) log(1-s(z))], stable for any z. */
    public static double bceWithLogits(double z, double y) {
        return Math.max(z, 0) - z * y + Math.log1p(Math.exp(-Math.abs(z)));
    }
}
