package io.reclab.rank;

/** An unfitted ranking (CTR) model: hyperparameters only; {@link #fit} returns an immutable {@link FittedRanker}. */
public interface Ranker {
    FittedRanker fit(RankTrainContext context);
}
