package io.reclab.run;

/**
 * Thrown from a {@link TrainingLog.Observer} to stop a trial whose validation curve is not promising (successive
 * halving); the trial is recorded with status {@code pruned}, its curve so far and its last validation value.
 */
public final class TrialPruned extends RuntimeException {
    private final int epoch;
    private final double value;

    public TrialPruned(int epoch, double value, String why) {
        super(why, null, false, false);
        this.epoch = epoch;
        this.value = value;
    }

    public int epoch() { return epoch; }

    public double value() { return value; }
}
