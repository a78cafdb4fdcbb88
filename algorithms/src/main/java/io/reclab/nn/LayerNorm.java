package io.reclab.nn;

/**
 * Layer normalisation (Ba, Kiros and Hinton 2016, "Layer Normalization", arXiv:1607.06450): each row is
 * normalised over its own {@code dim} values, then scaled by gamma and shifted by beta. No batch statistics, so
 * training and inference agree and thread blocking does not matter.
 */
public final class LayerNorm {
    private final int dim;
    private final int gammaOff;
    private final int betaOff;
    private final float eps;

    public LayerNorm(ParamLayout layout, int dim, double eps) {
        this.dim = dim;
        this.gammaOff = layout.dense(dim);
        this.betaOff = layout.dense(dim);
        this.eps = (float) eps;
    }

    public int dim() { return dim; }

    public void init(float[] p) {
        for (int j = 0; j < dim; j++) {
            p[gammaOff + j] = 1f;
            p[betaOff + j] = 0f;
        }
    }

    /** y = gamma xhat + beta per row; keeps xhat (n x dim) and 1/sqrt(var+eps) per row (invStd, n). */
    public void forward(float[] p, float[] x, int n, float[] y, float[] xhat, float[] invStd) {
        for (int i = 0; i < n; i++) {
            int o = i * dim;
            double s = 0, sq = 0;
            for (int j = 0; j < dim; j++) {
                double v = x[o + j];
                s += v;
                sq += v * v;
            }
            double m = s / dim;
            double inv = 1.0 / Math.sqrt(Math.max(sq / dim - m * m, 0.0) + eps);
            invStd[i] = (float) inv;
            for (int j = 0; j < dim; j++) {
                float h = (float) ((x[o + j] - m) * inv);
                xhat[o + j] = h;
                y[o + j] = p[gammaOff + j] * h + p[betaOff + j];
            }
        }
    }

    /**
     * With dxhat = dy gamma: dx = (invStd / dim)(dim dxhat - sum dxhat - xhat sum dxhat xhat), per row; adds
     * dgamma, dbeta into {@code g}. {@code dx} may be {@code dy}.
     */
    public void backward(float[] p, float[] dy, float[] xhat, float[] invStd, int n, float[] dx, float[] g) {
        for (int i = 0; i < n; i++) {
            int o = i * dim;
            double s = 0, sx = 0;
            for (int j = 0; j < dim; j++) {
                double dh = dy[o + j] * p[gammaOff + j];
                s += dh;
                sx += dh * xhat[o + j];
                g[gammaOff + j] += dy[o + j] * xhat[o + j];
                g[betaOff + j] += dy[o + j];
            }
            double c = invStd[i] / (double) dim;
            for (int j = 0; j < dim; j++) {
                double dh = dy[o + j] * p[gammaOff + j];
                dx[o + j] = (float) (c * (dim * dh - s - xhat[o + j] * sx));
            }
        }
    }
}
