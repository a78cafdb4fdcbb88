package io.reclab.rank.train;

import io.reclab.config.ConfigBlock;

/**
 * Minibatch training settings shared by the deep and factorisation rankers: {@code epochs} (an upper bound: with
 * validation samples, training stops after {@code patience} epochs without a better validation AUC and the best
 * epoch's parameters are kept), {@code batch-size} (FuxiCTR/BARS use 4096 on Criteo-sized data; small data needs
 * smaller batches to take enough steps) and {@code patience}. Each ranker's record holds its own defaults.
 */
public record TrainConfig(int epochs, int batchSize, int patience) {
    public TrainConfig {
        if (epochs <= 0) throw new IllegalArgumentException("epochs must be > 0: " + epochs);
        if (batchSize <= 0) throw new IllegalArgumentException("batch-size must be > 0: " + batchSize);
        if (patience <= 0) throw new IllegalArgumentException("patience must be > 0: " + patience);
    }

    /** Reads {@code epochs}, {@code batch-size} and {@code patience}, defaulting to {@code d}'s values. */
    public static TrainConfig from(ConfigBlock b, TrainConfig d) {
        return from(b, d.epochs, d.batchSize, d.patience);
    }

    public static TrainConfig from(ConfigBlock b, int defEpochs, int defBatch, int defPatience) {
        return new TrainConfig(b.positiveInt("epochs", defEpochs), b.positiveInt("batch-size", defBatch),
                b.positiveInt("patience", defPatience));
    }
}
