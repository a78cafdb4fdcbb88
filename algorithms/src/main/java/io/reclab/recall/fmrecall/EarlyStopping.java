package io.reclab.recall.fmrecall;

import io.reclab.recall.FittedRecaller;
import io.reclab.recall.Validator;
import io.reclab.run.TrainingLog;

import java.util.function.Supplier;

/**
 * Validation between epochs for iterative recall models: every {@code evalEvery} epochs (and after the last) it
 * snapshots the model, records {@code valid.<metricId>} in the training log, keeps the best snapshot, and says
 * stop after {@code patience} evaluations in a row without improvement ({@code patience = 0}: never stop early,
 * still keep the best). Without a validator it only keeps the latest snapshot. Shared by the neural recall models.
 */
public final class EarlyStopping<M extends FittedRecaller> {
    private final Validator validator;
    private final TrainingLog log;
    private final int evalEvery;
    private final int patience;
    private final int epochs;
    private M best;
    private double bestScore = Double.NEGATIVE_INFINITY;
    private int bestEpoch = -1;
    private int bad;

    public EarlyStopping(Validator validator, TrainingLog log, int epochs, int evalEvery, int patience) {
        this.validator = validator;
        this.log = log;
        this.epochs = epochs;
        this.evalEvery = evalEvery;
        this.patience = patience;
    }

    /**
     * Call after finishing {@code epoch} (1-based). Builds a snapshot only when it will be evaluated.
     * @return true if training should stop now
     */
    public boolean afterEpoch(int epoch, Supplier<M> snapshot) {
        if (validator == null) return false;
        if (epoch % evalEvery != 0 && epoch != epochs) return false;
        M m = snapshot.get();
        double score = validator.validate(m);
        if (log != null) log.record("valid." + validator.metricId(), epoch, score);
        if (score > bestScore || best == null) {
            bestScore = score;
            best = m;
            bestEpoch = epoch;
            bad = 0;
            return false;
        }
        bad++;
        return patience > 0 && bad >= patience;
    }

    /** The best validated snapshot, or {@code last.get()} when nothing was validated. */
    public M result(Supplier<M> last) {
        return best != null ? best : last.get();
    }

    public int bestEpoch() { return bestEpoch; }
}
