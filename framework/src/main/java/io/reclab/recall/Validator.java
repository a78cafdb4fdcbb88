package io.reclab.recall;

/**
 * Scores a candidate model on the validation part, for early stopping and for the validation curve. Supplied by
 * the runner (it owns the evaluator); models only call it between epochs. Higher is better.
 */
public interface Validator {
    /** The metric reported, e.g. {@code ndcg@10}. */
    String metricId();

    double validate(FittedRecaller model);
}
