package io.reclab.eval;

import io.reclab.config.ConfigBlock;
import io.reclab.config.ConfigError;
import io.reclab.metric.Direction;
import io.reclab.metric.RankingMetric;
import io.reclab.metric.ranking.RankingMetrics;

import java.util.List;

/**
 * How models are chosen, from the {@code evaluation} block: the validation metric that early stopping, tuning and
 * every "best" read ({@code valid-metric}; default the first metric at the first K), and whether the final model
 * is refit on train + valid with the chosen epoch count ({@code refit}, default false). Rankers select on
 * validation AUC ({@code rank-valid-metric = auc}, the only value their trainers early-stop on).
 *
 * @param validMetric     the recall-stage validation metric; always higher-is-better
 * @param rankValidMetric the rank-stage validation metric id ({@code auc})
 * @param refit           refit on train + valid after choosing on valid
 */
public record SelectionSettings(RankingMetric validMetric, String rankValidMetric, boolean refit) {
    public static final boolean DEFAULT_REFIT = false;
    public static final String DEFAULT_RANK_VALID_METRIC = "auc";
    /** The keys of the {@code evaluation} block read here. */
    public static final List<String> KEYS = List.of("valid-metric", "rank-valid-metric", "refit");

    /**
     * Reads {@code valid-metric}, {@code rank-valid-metric} and {@code refit}; the rest of the block is left to
     * {@link EvalSettings#parse}, whose metric list provides the default.
     */
    public static SelectionSettings parse(ConfigBlock b, List<RankingMetric> metrics) {
        String id = b.has("valid-metric") ? b.getString("valid-metric", "") : null;
        RankingMetric m;
        if (id == null) {
            m = metrics.get(0);
            if (m.direction() != Direction.HIGHER)
                throw new ConfigError("`" + b.path() + ".valid-metric`: the first metric, " + m.id() + ", is not "
                        + "higher-is-better, so it cannot choose models; set valid-metric, e.g. ndcg@10");
        } else {
            try {
                m = RankingMetrics.parse(id);
            } catch (ConfigError e) {
                throw new ConfigError("`" + b.path() + ".valid-metric`: " + e.getMessage());
            }
            if (m.direction() != Direction.HIGHER)
                throw new ConfigError("`" + b.path() + ".valid-metric` = " + id + ": expected a higher-is-better metric "
                        + "(recall, ndcg, precision, hit, mrr, map)");
        }
        String rank = b.getEnum("rank-valid-metric", DEFAULT_RANK_VALID_METRIC, List.of(DEFAULT_RANK_VALID_METRIC));
        boolean refit = b.getBoolean("refit", DEFAULT_REFIT);
        return new SelectionSettings(m, rank, refit);
    }
}
