package io.reclab.rank.lr;

import io.reclab.config.ConfigBlock;

import java.util.List;

/**
 * Hyperparameters of logistic regression. FTRL-Proximal as McMahan et al. 2013 ("Ad Click Prediction: a View from
 * the Trenches", KDD) parameterise it; alpha, the epoch budget and patience from a validation search (conf/rank/lr.conf
 * says which).
 *
 * @param optimizer    {@code ftrl} (default) or {@code sgd}
 * @param alpha        FTRL learning-rate scale (default 0.1)
 * @param beta         FTRL learning-rate smoothing (default 1)
 * @param l1           FTRL L1 strength (default 1; gives exact zeros)
 * @param l2           FTRL L2 strength (default 1)
 * @param learningRate SGD step size (default 0.05)
 * @param batchSize    SGD minibatch size (default 256); FTRL updates per sample
 * @param weightDecay  SGD L2 weight decay per step (default 1e-6)
 * @param epochs       maximum passes over the data (default 100, a budget: validation AUC stops training)
 * @param patience     epochs without a validation-AUC improvement before stopping (default 10, RecBole's
 *                     stopping_step); the best epoch's weights are kept. Without validation samples all epochs run.
 */
public record LrConfig(String optimizer, double alpha, double beta, double l1, double l2, double learningRate,
                       int batchSize, double weightDecay, int epochs, int patience) {
    public static final List<String> OPTIMIZERS = List.of("ftrl", "sgd");

    public LrConfig {
        if (!OPTIMIZERS.contains(optimizer)) throw new IllegalArgumentException("optimizer " + optimizer + " not one of " + OPTIMIZERS);
        if (!(alpha > 0) || !(beta >= 0) || !(l1 >= 0) || !(l2 >= 0) || !(learningRate > 0) || batchSize <= 0
                || !(weightDecay >= 0) || epochs <= 0 || patience <= 0)
            throw new IllegalArgumentException("invalid LR hyperparameters: " + this);
    }

    public static LrConfig defaults() { return new LrConfig("ftrl", 0.1, 1, 1, 1, 0.05, 256, 1e-6, 100, 10); }

    public static LrConfig from(ConfigBlock b) {
        LrConfig d = defaults();
        return new LrConfig(b.getEnum("optimizer", d.optimizer, OPTIMIZERS), b.positive("alpha", d.alpha),
                b.nonNegative("beta", d.beta), b.nonNegative("l1", d.l1), b.nonNegative("l2", d.l2),
                b.positive("learning-rate", d.learningRate), b.positiveInt("batch-size", d.batchSize),
                b.nonNegative("weight-decay", d.weightDecay), b.positiveInt("epochs", d.epochs),
                b.positiveInt("patience", d.patience));
    }

    public LrConfig withEpochs(int e) {
        return new LrConfig(optimizer, alpha, beta, l1, l2, learningRate, batchSize, weightDecay, e, patience);
    }

    public LrConfig withOptimizer(String o) {
        return new LrConfig(o, alpha, beta, l1, l2, learningRate, batchSize, weightDecay, epochs, patience);
    }
}
