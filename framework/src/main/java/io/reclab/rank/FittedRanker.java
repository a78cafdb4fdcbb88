package io.reclab.rank;

/** A trained ranking model: click / like probabilities for encoded samples. Immutable and thread-safe. */
public interface FittedRanker {
    /** Probability in (0, 1) for each sample, in order. */
    float[] predict(Samples samples);
}
