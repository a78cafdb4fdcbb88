package io.reclab.nn;

/**
 * Batch normalisation (Ioffe and Szegedy 2015, "Batch Normalization: Accelerating Deep Network Training by
 * Reducing Internal Covariate Shift", ICML) over the rows of a minibatch: in training each column is normalised
 * with the batch mean and (biased) variance, then scaled by gamma and shifted by beta; the column sums of x and
 * x^2 are accumulated so the trainer can update running mean and (unbiased) variance, which inference uses.
 * When the trainer splits a batch over threads, each thread's block is normalised with its own statistics
 * ("ghost" batch norm, as data-parallel training without synchronised BN does); running statistics still see
 * the whole batch, since sums add.
 */
public final class BatchNorm {
    private final int dim;
    private final int gammaOff;
    private final int betaOff;
    private final int meanOff;
    private final int varOff;
    private final int statsOff;
    private final float momentum;
    private final float eps;

    /** @param momentum weight of the new batch in the running averages (PyTorch convention, default 0.1) */
    public BatchNorm(ParamLayout layout, int dim, double momentum, double eps) {
        this.dim = dim;
        this.gammaOff = layout.dense(dim);
        this.betaOff = layout.dense(dim);
        this.meanOff = layout.state(dim);
        this.varOff = layout.state(dim);
        this.statsOff = layout.stats(1 + 2 * dim);
        this.momentum = (float) momentum;
        this.eps = (float) eps;
    }

    public int dim() { return dim; }

    /** gamma = 1, beta = 0, running mean 0, running variance 1. */
    public void init(float[] p, float[] state) {
        for (int j = 0; j < dim; j++) {
            p[gammaOff + j] = 1f;
            p[betaOff + j] = 0f;
            state[meanOff + j] = 0f;
            state[varOff + j] = 1f;
        }
    }

    /**
     * Training forward: writes y (n x dim), the normalised xhat (n x dim) and 1/sqrt(var+eps) per column
     * (invStd, dim); adds n, column sums and column sums of squares into {@code stats} when not null.
     */
    public void forwardTrain(float[] p, float[] x, int n, float[] y, float[] xhat, float[] invStd, double[] stats) {
        double[] mean = new double[dim], sq = new double[dim];
        for (int i = 0; i < n; i++) {
            int o = i * dim;
            for (int j = 0; j < dim; j++) {
                double v = x[o + j];
                mean[j] += v;
                sq[j] += v * v;
            }
        }
        if (stats != null) {
            stats[statsOff] += n;
            for (int j = 0; j < dim; j++) {
                stats[statsOff + 1 + j] += mean[j];
                stats[statsOff + 1 + dim + j] += sq[j];
            }
        }
        for (int j = 0; j < dim; j++) {
            double m = mean[j] / n;
            double var = Math.max(sq[j] / n - m * m, 0.0);
            mean[j] = m;
            invStd[j] = (float) (1.0 / Math.sqrt(var + eps));
        }
        for (int i = 0; i < n; i++) {
            int o = i * dim;
            for (int j = 0; j < dim; j++) {
                float h = (float) ((x[o + j] - mean[j]) * invStd[j]);
                xhat[o + j] = h;
                y[o + j] = p[gammaOff + j] * h + p[betaOff + j];
            }
        }
    }

    /** Inference forward with the running statistics; {@code y} may be {@code x}. */
    public void forwardInfer(float[] p, float[] state, float[] x, int n, float[] y) {
        float[] scale = new float[dim], shift = new float[dim];
        for (int j = 0; j < dim; j++) {
            // y = gamma (x - mean) / sqrt(var + eps) + beta folded into y = scale x + shift
            scale[j] = (float) (p[gammaOff + j] / Math.sqrt(state[varOff + j] + eps));
            shift[j] = p[betaOff + j] - scale[j] * state[meanOff + j];
        }
        for (int i = 0; i < n; i++) {
            int o = i * dim;
            for (int j = 0; j < dim; j++) y[o + j] = scale[j] * x[o + j] + shift[j];
        }
    }

    /**
     * dx = (gamma invStd / n) (n dy - sum_i dy - xhat sum_i dy xhat), column-wise; adds dgamma = sum dy xhat and
     * dbeta = sum dy into {@code g}. {@code dx} may be {@code dy}.
     */
    public void backward(float[] p, float[] dy, float[] xhat, float[] invStd, int n, float[] dx, float[] g) {
        double[] sumDy = new double[dim], sumDyX = new double[dim];
        for (int i = 0; i < n; i++) {
            int o = i * dim;
            for (int j = 0; j < dim; j++) {
                sumDy[j] += dy[o + j];
                sumDyX[j] += dy[o + j] * xhat[o + j];
            }
        }
        for (int j = 0; j < dim; j++) {
            g[gammaOff + j] += (float) sumDyX[j];
            g[betaOff + j] += (float) sumDy[j];
        }
        for (int i = 0; i < n; i++) {
            int o = i * dim;
            for (int j = 0; j < dim; j++) {
                double c = p[gammaOff + j] * invStd[j] / n;
                dx[o + j] = (float) (c * (n * (double) dy[o + j] - sumDy[j] - xhat[o + j] * sumDyX[j]));
            }
        }
    }

    /** Running averages from a whole batch's reduced sums (unbiased variance, as PyTorch keeps). */
    public void applyStats(float[] state, double[] stats) {
        double n = stats[statsOff];
        if (n < 1) return;
        for (int j = 0; j < dim; j++) {
            double m = stats[statsOff + 1 + j] / n;
            double var = n > 1 ? Math.max(stats[statsOff + 1 + dim + j] - n * m * m, 0.0) / (n - 1) : 0.0;
            state[meanOff + j] = (float) ((1 - momentum) * state[meanOff + j] + momentum * m);
            state[varOff + j] = (float) ((1 - momentum) * state[varOff + j] + momentum * var);
        }
    }

    public int gammaOffset() { return gammaOff; }
    public int betaOffset() { return betaOff; }
    public int runningMeanOffset() { return meanOff; }
    public int runningVarOffset() { return varOff; }
}
