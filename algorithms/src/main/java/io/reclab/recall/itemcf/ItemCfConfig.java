package io.reclab.recall.itemcf;

import io.reclab.config.ConfigBlock;

import java.util.List;

/**
 * Hyperparameters of {@link ItemCfRecaller} (block {@code recall.itemcf}).
 *
 * @param neighbors most similar items kept per item (default 100, RecBole's ItemKNN {@code k} and the BARS ItemCF
 *                  setting). Sarwar et al. report accuracy levelling off once the neighbourhood holds a few dozen
 *                  items; 100 keeps a margin above that while bounding scoring cost
 * @param shrinkage added to the cosine denominator (default 0: the plain cosine of Sarwar et al., RecBole's ItemKNN
 *                  default). A positive value (e.g. 10, as in Bell and Koren 2007) damps similarities supported by
 *                  one or two co-raters between rare items
 * @param iuf       inverse user frequency: each co-rating user u contributes {@code 1 / log(1 + |I_u|)} instead of 1
 *                  (Breese, Heckerman, Kadie 1998; Karypis 2001), down-weighting heavy users (default false)
 * @param normalize divide each item's kept neighbour row by its largest similarity ("ItemCF-Norm") (default false)
 * @param variant   which item's neighbourhood is truncated and how scores are formed (default
 *                  {@link #CANDIDATE_TOPK}); see {@link ItemCfRecaller}:
 *                  <ul>
 *                    <li>{@code candidate-topk}: each candidate (target) item i keeps its top-k neighbours N_k(i);
 *                        score(u, i) = Σ_{j ∈ I_u ∩ N_k(i)} sim(i, j). RecBole's ItemKNN (its similarity matrix
 *                        holds, per column i, the top-k of item i, and scores are X·W) and the BARS ItemCF;</li>
 *                    <li>{@code history-topk}: each history item j keeps its top-k neighbours; score(u, i) =
 *                        Σ_{j ∈ I_u, i ∈ N_k(j)} sim(j, i) (reclab's behaviour before this option existed, the
 *                        classic "expand each history item" retrieval);</li>
 *                    <li>{@code bars}: candidate-topk rows, each L1-normalised, with the item-mean bias of the BARS
 *                        ItemCF: pred = μ_i + Σ_{j ∈ N_k(i)} S_ij (x_uj − μ_j), μ_j = |U_j| / n_users.</li>
 *                  </ul>
 * @param maxUserItems similarities are computed from each user's {@code max-user-items} most recent interactions only
 *                  (by time, ties by log order; default 0 = all): a power user with n items adds n² co-occurrences, so
 *                  capping them bounds the cost, the classic guard of co-occurrence jobs at scale. Scoring still reads
 *                  the whole history
 */
public record ItemCfConfig(int neighbors, double shrinkage, boolean iuf, boolean normalize, String variant, int maxUserItems)
        implements java.io.Serializable {
    public static final String CANDIDATE_TOPK = "candidate-topk";
    public static final String HISTORY_TOPK = "history-topk";
    public static final String BARS = "bars";
    public static final List<String> VARIANTS = List.of(CANDIDATE_TOPK, HISTORY_TOPK, BARS);

    public static final ItemCfConfig DEFAULTS = new ItemCfConfig(100, 0.0, false, false, CANDIDATE_TOPK, 0);

    /** The same settings without a history cap (for tests and callers that predate it). */
    public ItemCfConfig(int neighbors, double shrinkage, boolean iuf, boolean normalize, String variant) {
        this(neighbors, shrinkage, iuf, normalize, variant, 0);
    }

    public ItemCfConfig {
        if (neighbors <= 0) throw new IllegalArgumentException("neighbors must be positive: " + neighbors);
        if (!(shrinkage >= 0)) throw new IllegalArgumentException("shrinkage must be >= 0: " + shrinkage);
        if (maxUserItems < 0) throw new IllegalArgumentException("max-user-items must be >= 0: " + maxUserItems);
        if (!VARIANTS.contains(variant)) throw new IllegalArgumentException("variant must be one of " + VARIANTS + ": " + variant);
    }

    public static ItemCfConfig from(ConfigBlock block) {
        return new ItemCfConfig(
                block.positiveInt("neighbors", DEFAULTS.neighbors),
                block.nonNegative("shrinkage", DEFAULTS.shrinkage),
                block.getBoolean("iuf", DEFAULTS.iuf),
                block.getBoolean("normalize", DEFAULTS.normalize),
                block.getEnum("variant", DEFAULTS.variant, VARIANTS),
                block.nonNegativeInt("max-user-items", DEFAULTS.maxUserItems));
    }
}
