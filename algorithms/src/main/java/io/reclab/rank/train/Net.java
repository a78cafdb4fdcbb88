package io.reclab.rank.train;

import io.reclab.nn.Grads;
import io.reclab.nn.ParamLayout;
import io.reclab.nn.Params;
import io.reclab.rank.Samples;

import java.util.SplittableRandom;

/**
 * A differentiable CTR model as the {@link MinibatchTrainer} sees it: stateless code over {@link Params}, with
 * an explicit forward pass to one logit per sample and a backward pass that accumulates parameter gradients.
 * All per-call activations live in a per-thread scratch of type {@code S}, so one Net serves many threads.
 * Blocks are samples {@code rows[from..to)} of {@code data}; per-sample arrays (logits, residuals) are indexed
 * from 0 for the block's first sample.
 *
 * @param <S> the scratch type
 */
public interface Net<S> {
    /** Where the parameters live; fixed at construction. */
    ParamLayout layout();

    /** Initial parameter values, deterministic for the generator's seed. */
    void init(Params p, SplittableRandom rng);

    /** Activations for blocks of up to {@code capacity} samples. */
    S newScratch(int capacity);

    /**
     * Logits of the block into {@code logits[0 .. to-from)}. With {@code training}, dropout draws from a generator
     * seeded by {@code noiseSeed}, batch norm uses block statistics and adds batch sums to {@code stats}
     * (not null); the scratch then holds what {@link #backward} needs.
     */
    void forward(Params p, Samples data, int[] rows, int from, int to, boolean training, long noiseSeed, S scratch,
                 double[] stats, float[] logits);

    /**
     * Adds gradients into {@code g} after a training forward on the same block and scratch. {@code residual[i]}
     * is dBCE/dlogit = sigmoid(logit) - label of the block's i-th sample, i.e. the gradient of the SUM of
     * per-sample losses; parts trained on the mean loss multiply by {@code meanScale} (1 / batch size), parts
     * whose optimizer follows per-sample online practice (FTRL, libffm's Adagrad) may use it unscaled.
     */
    void backward(Params p, Samples data, int[] rows, int from, int to, float[] residual, float meanScale, S scratch,
                  Grads g);

    /** The optimizers for the dense vector and each sparse table, bound to {@code p}'s arrays. */
    Optimizers optimizers(Params p);

    /** Folds a whole batch's reduced statistics into running state (batch-norm averages). */
    default void applyStats(Params p, double[] stats) {}
}
