package io.reclab.rank.lr;

import io.reclab.metric.rank.Auc;
import io.reclab.optim.Ftrl;
import io.reclab.rank.FittedRanker;
import io.reclab.rank.RankTrainContext;
import io.reclab.rank.Ranker;
import io.reclab.rank.Samples;
import io.reclab.run.TrainingLog;

import java.util.SplittableRandom;

/**
 * Logistic regression for CTR prediction, trained with per-coordinate FTRL-Proximal (McMahan et al. 2013, "Ad Click
 * Prediction: a View from the Trenches", KDD) or minibatch SGD. Samples are visited in a seeded random order each
 * epoch. After each epoch the progressive training loss (each sample's loss before its own update) is logged as
 * {@code loss}, and the validation AUC as {@code valid.auc}; training stops after {@code patience} epochs without
 * improvement and keeps the best epoch's weights. FTRL is inherently sequential, so training is single-threaded.
 */
public final class LogisticRegression implements Ranker {
    private final LrConfig config;

    public LogisticRegression(LrConfig config) { this.config = config; }

    public LrConfig config() { return config; }

    @Override
    public FittedRanker fit(RankTrainContext ctx) { return fitLr(ctx); }

    public FittedLr fitLr(RankTrainContext ctx) {
        Samples train = ctx.train();
        Samples valid = ctx.valid();
        boolean validate = valid != null && valid.size() > 0;
        TrainingLog log = ctx.log();
        SplittableRandom rnd = new SplittableRandom(ctx.seed());
        Trainer t = config.optimizer().equals("ftrl") ? new FtrlTrainer(train.numFeatures()) : new SgdTrainer(train.numFeatures());
        FittedLr best = null;
        double bestAuc = Double.NEGATIVE_INFINITY;
        int sinceBest = 0;
        int[] order = new int[train.size()];
        for (int i = 0; i < order.length; i++) order[i] = i;
        for (int epoch = 1; epoch <= config.epochs(); epoch++) {
            shuffle(order, rnd);
            double loss = t.epoch(train, order);
            FittedLr model = t.snapshot();
            if (log != null) log.record("loss", epoch, loss);
            if (!validate) {
                best = model;
                continue;
            }
            double auc = Auc.auc(model.predict(valid), valid.labels());
            if (log != null) log.record("valid.auc", epoch, auc);
            if (best == null || auc > bestAuc) {
                best = model;
                bestAuc = auc;
                sinceBest = 0;
            } else if (++sinceBest >= config.patience()) {
                break;
            }
        }
        return best;
    }

    static void shuffle(int[] a, SplittableRandom rnd) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = a[i]; a[i] = a[j]; a[j] = t;
        }
    }

    private interface Trainer {
        /** One pass in the given order; returns the mean progressive loss. */
        double epoch(Samples s, int[] order);

        FittedLr snapshot();
    }

    private final class FtrlTrainer implements Trainer {
        private final Ftrl w;
        private final Ftrl bias = new Ftrl(1, config.alpha(), config.beta(), 0, 0); // the bias is not regularised

        FtrlTrainer(int numFeatures) { w = new Ftrl(numFeatures, config.alpha(), config.beta(), config.l1(), config.l2()); }

        @Override
        public double epoch(Samples s, int[] order) {
            int[] ptr = s.rowPtr(), ids = s.featIds();
            float[] vals = s.featVals(), y = s.labels();
            double sum = 0;
            for (int r : order) {
                double m = bias.weight(0);
                for (int p = ptr[r]; p < ptr[r + 1]; p++) m += w.weight(ids[p]) * vals[p];
                sum += LogisticLoss.lossFromMargin(m, y[r]);
                double g = LogisticLoss.dLossDMargin(m, y[r]);
                bias.update(0, g);
                for (int p = ptr[r]; p < ptr[r + 1]; p++) w.update(ids[p], g * vals[p]);
            }
            return sum / Math.max(1, order.length);
        }

        @Override
        public FittedLr snapshot() { return new FittedLr(w.weights(), (float) bias.weight(0)); }
    }

    private final class SgdTrainer implements Trainer {
        private final float[] w;
        private float b;
        private final float[] grad;
        private final int[] touched;
        private final boolean[] isTouched;

        SgdTrainer(int numFeatures) {
            w = new float[numFeatures];
            grad = new float[numFeatures];
            touched = new int[numFeatures];
            isTouched = new boolean[numFeatures];
        }

        @Override
        public double epoch(Samples s, int[] order) {
            int[] ptr = s.rowPtr(), ids = s.featIds();
            float[] vals = s.featVals(), y = s.labels();
            double sum = 0;
            float lr = (float) config.learningRate(), decay = (float) config.weightDecay();
            for (int start = 0; start < order.length; start += config.batchSize()) {
                int end = Math.min(order.length, start + config.batchSize());
                int nt = 0;
                double gb = 0;
                for (int k = start; k < end; k++) {
                    int r = order[k];
                    double m = b;
                    for (int p = ptr[r]; p < ptr[r + 1]; p++) m += w[ids[p]] * vals[p];
                    sum += LogisticLoss.lossFromMargin(m, y[r]);
                    double g = LogisticLoss.dLossDMargin(m, y[r]);
                    gb += g;
                    for (int p = ptr[r]; p < ptr[r + 1]; p++) {
                        int j = ids[p];
                        if (!isTouched[j]) { isTouched[j] = true; touched[nt++] = j; }
                        grad[j] += (float) (g * vals[p]);
                    }
                }
                float inv = 1f / (end - start);
                // sparse step: only the features this minibatch touched (weight decay applied lazily to them)
                for (int t = 0; t < nt; t++) {
                    int j = touched[t];
                    w[j] -= lr * (grad[j] * inv + decay * w[j]);
                    grad[j] = 0;
                    isTouched[j] = false;
                }
                b -= lr * (float) (gb * inv);
            }
            return sum / Math.max(1, order.length);
        }

        @Override
        public FittedLr snapshot() { return new FittedLr(w.clone(), b); }
    }
}
