package io.reclab.train;

import io.reclab.config.ConfigBlock;

/**
 * Early stopping on a validation score (higher is better): validation runs every {@code validEvery} epochs and
 * on the last epoch; training stops once {@code patience} consecutive validations failed to beat the best score,
 * and the snapshot taken at the best validation is kept. Snapshots are the models' own copies of their parameter
 * arrays (typically an immutable fitted model), so "restoring the best epoch" is returning that snapshot.
 *
 * @param <S> the snapshot type
 */
public final class EarlyStopping<S> {
    /**
     * @param patience   validations without improvement before stopping (RecBole's {@code stopping_step}, 10)
     * @param validEvery epochs between validations
     */
    public record Config(int patience, int validEvery) {
        public Config {
            if (patience < 1) throw new IllegalArgumentException("patience must be >= 1, got " + patience);
            if (validEvery < 1) throw new IllegalArgumentException("valid-every must be >= 1, got " + validEvery);
        }

        /** Reads {@code patience} and {@code valid-every} from a model's block. */
        public static Config from(ConfigBlock block, int defPatience, int defValidEvery) {
            return new Config(block.positiveInt("patience", defPatience), block.positiveInt("valid-every", defValidEvery));
        }
    }

    private final Config config;
    private S best;
    private double bestScore = Double.NEGATIVE_INFINITY;
    private int bestEpoch = -1;
    private int sinceBest;

    public EarlyStopping(Config config) {
        this.config = config;
    }

    /** Whether epoch {@code epoch} (1-based) of {@code lastEpoch} is a validation epoch. */
    public boolean isValidationEpoch(int epoch, int lastEpoch) {
        return epoch % config.validEvery() == 0 || epoch == lastEpoch;
    }

    /**
     * Records the validation score of the snapshot after {@code epoch}; returns true when training should stop.
     * A NaN score never counts as an improvement.
     */
    public boolean offer(int epoch, double score, S snapshot) {
        boolean improved = score > bestScore;
        if (improved || best == null) { // with only NaN scores so far, still keep a snapshot to return
            best = snapshot;
            bestEpoch = epoch;
        }
        if (improved) {
            bestScore = score;
            sinceBest = 0;
            return false;
        }
        return ++sinceBest >= config.patience();
    }

    public S best() { return best; }
    public double bestScore() { return bestScore; }
    public int bestEpoch() { return bestEpoch; }
    public Config config() { return config; }
}
