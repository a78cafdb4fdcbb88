package io.reclab.train;

import io.reclab.recall.FittedRecaller;
import io.reclab.recall.TrainContext;
import io.reclab.recall.Validator;
import io.reclab.run.TrainingLog;

import java.util.function.Function;

/**
 * The epoch loop every iterative recaller shares: train an epoch, record {@code loss}, and when the context has a
 * validator, validate on schedule, record {@code valid.<metric>} and stop early, keeping the best snapshot.
 * Without a validator the configured number of epochs runs and the last snapshot is returned.
 */
public final class EpochLoop {
    private EpochLoop() {}

    /** One model's training steps. */
    public interface Trainee<S> {
        /** Runs epoch {@code epoch} (1-based) and returns its training loss. */
        double trainEpoch(int epoch);

        /** An independent copy of the current parameters (not affected by later epochs). */
        S snapshot();
    }

    /** What the loop ended with. */
    public record Result<S>(S model, int epochsRun, int bestEpoch, double bestScore) {}

    /**
     * @param asRecaller turns a snapshot into something the validator can score
     */
    public static <S> Result<S> run(String label, int epochs, EarlyStopping.Config stopping, TrainContext ctx,
                                    Trainee<S> trainee, Function<S, FittedRecaller> asRecaller) {
        TrainingLog log = ctx.log();
        Validator validator = ctx.validator();
        EarlyStopping<S> es = new EarlyStopping<>(stopping);
        ProgressBar bar = new ProgressBar(label, epochs);
        int epoch = 0;
        try {
            while (epoch < epochs) {
                epoch++;
                double loss = trainee.trainEpoch(epoch);
                if (log != null) log.record("loss", epoch, loss);
                bar.update(epoch, loss);
                if (validator != null && es.isValidationEpoch(epoch, epochs)) {
                    S snap = trainee.snapshot();
                    double score = validator.validate(asRecaller.apply(snap));
                    if (log != null) log.record("valid." + validator.metricId(), epoch, score);
                    boolean stop = es.offer(epoch, score, snap);
                    bar.validation(String.format(java.util.Locale.ROOT, "valid %s %.4f (best %.4f @ %d)", validator.metricId(),
                            score, es.bestScore(), es.bestEpoch()));
                    if (stop) break;
                }
            }
        } finally {
            bar.finish();
        }
        if (validator == null || es.best() == null) return new Result<>(trainee.snapshot(), epoch, epoch, Double.NaN);
        return new Result<>(es.best(), epoch, es.bestEpoch(), es.bestScore());
    }
}
