package io.reclab.eval;

import io.reclab.data.Interactions;
import io.reclab.metric.RankingMetric;
import io.reclab.metric.ranking.RankingMetrics;
import io.reclab.recall.FittedRecaller;
import io.reclab.recall.Validator;

import java.util.List;

/**
 * A {@link Validator} that ranks for every user with validation items (training items excluded) and returns one
 * higher-is-better ranking metric, e.g. {@code ndcg@20}, for early stopping and validation curves. Uses the same
 * evaluator as the test stage, with the validation part as the held-out part.
 */
public final class RankingValidator implements Validator {
    private final Interactions train;
    private final Interactions valid;
    private final Interactions none;
    private final RankingMetric metric;
    private final EvalSettings settings;
    private final long seed;

    /**
     * @param settings mode, negatives, threads and block size are taken from here; the metric list is replaced by
     *                 {@code metric}
     */
    public RankingValidator(Interactions train, Interactions valid, RankingMetric metric, EvalSettings settings, long seed) {
        if (!metric.higherIsBetter())
            throw new IllegalArgumentException("early stopping needs a higher-is-better metric; " + metric.id() + " is lower-is-better");
        if (valid.size() == 0)
            throw new IllegalArgumentException("the validation part is empty: nothing to validate " + metric.id() + " on");
        this.train = train;
        this.valid = valid;
        this.none = train.empty();
        this.metric = metric;
        this.settings = settings.withMetrics(List.of(metric));
        this.seed = seed;
    }

    /** Validator for a metric id such as {@code ndcg@20} (ConfigError if the id is malformed). */
    public static RankingValidator of(String metricId, Interactions train, Interactions valid, EvalSettings settings, long seed) {
        return new RankingValidator(train, valid, RankingMetrics.parse(metricId), settings, seed);
    }

    @Override
    public String metricId() { return metric.id(); }

    @Override
    public double validate(FittedRecaller model) {
        return metric.compute(RankingEvaluator.context(model, train, none, valid, settings, seed)).value();
    }
}
