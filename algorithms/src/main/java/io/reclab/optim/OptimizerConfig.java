package io.reclab.optim;

import io.reclab.config.ConfigBlock;

import java.util.List;

/**
 * Typed optimizer settings, read from a model's config block: {@code optimizer} (sgd | adagrad | adam),
 * {@code learning-rate}, {@code l2} (weight decay added to the gradient), and Adam's {@code beta1}, {@code beta2},
 * {@code epsilon}.
 */
public record OptimizerConfig(String name, double learningRate, double l2, double beta1, double beta2, double epsilon) {
    public static final List<String> NAMES = List.of("sgd", "adagrad", "adam");

    public OptimizerConfig {
        if (!NAMES.contains(name)) throw new IllegalArgumentException("optimizer " + name + " not one of " + NAMES);
        if (!(learningRate > 0)) throw new IllegalArgumentException("learning rate must be > 0, got " + learningRate);
    }

    /** Reads the optimizer keys of {@code block}, with the model's defaults. */
    public static OptimizerConfig from(ConfigBlock block, String defName, double defLr, double defL2) {
        return new OptimizerConfig(
                block.getEnum("optimizer", defName, NAMES),
                block.positive("learning-rate", defLr),
                block.nonNegative("l2", defL2),
                block.inRange("beta1", 0.9, 0.0, 0.999999),
                block.inRange("beta2", 0.999, 0.0, 0.99999999),
                block.positive("epsilon", 1e-8));
    }

    /** An optimizer for {@code table} with rows of {@code dim} floats. */
    public RowOptimizer create(float[] table, int dim) {
        return switchName(table, dim);
    }

    private RowOptimizer switchName(float[] table, int dim) {
        if (name.equals("sgd")) return new Sgd(table, dim, (float) learningRate, (float) l2);
        if (name.equals("adagrad")) return new Adagrad(table, dim, (float) learningRate, (float) l2, (float) epsilon);
        return new Adam(table, dim, (float) learningRate, (float) l2, (float) beta1, (float) beta2, (float) epsilon);
    }
}
