package io.reclab.eval.rank;

import io.reclab.metric.MetricResult;
import io.reclab.metric.rank.ScoreMetric;
import io.reclab.rank.FittedRanker;
import io.reclab.rank.Samples;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluates a fitted ranker on encoded test samples: scores them once into a {@link ScoreContext}, then lets every
 * metric read that context. The result keeps the context so callers can report the GAUC skip count
 * ({@code context().userAucs().skipped()}) or compute further metrics without re-scoring.
 */
public final class RankEvaluator {
    /** Metric values by id (in the order asked) and the context they were computed from. */
    public record Result(Map<String, MetricResult> metrics, ScoreContext context) {
        public double value(String id) {
            MetricResult r = metrics.get(id);
            if (r == null) throw new IllegalArgumentException("metric " + id + " not computed; have " + metrics.keySet());
            return r.value();
        }

        /** Users left out of GAUC because all their samples had the same label. */
        public int gaucUsersSkipped() { return context.userAucs().skipped(); }
    }

    private final List<ScoreMetric> metrics;

    public RankEvaluator(List<ScoreMetric> metrics) { this.metrics = List.copyOf(metrics); }

    public static ScoreContext context(FittedRanker model, Samples test) {
        float[] p = model.predict(test);
        if (p.length != test.size())
            throw new IllegalStateException("ranker returned " + p.length + " scores for " + test.size() + " samples");
        return new ScoreContext(p, test.labels().clone(), test.users().clone());
    }

    public Result evaluate(FittedRanker model, Samples test) { return evaluate(context(model, test)); }

    public Result evaluate(ScoreContext context) {
        Map<String, MetricResult> out = new LinkedHashMap<>();
        for (ScoreMetric m : metrics) out.put(m.id(), m.compute(context));
        return new Result(Collections.unmodifiableMap(out), context);
    }
}
