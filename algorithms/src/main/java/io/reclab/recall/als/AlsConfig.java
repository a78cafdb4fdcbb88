package io.reclab.recall.als;

import io.reclab.config.ConfigBlock;
import io.reclab.config.ConfigError;
import io.reclab.recall.embedding.Retrieval;
import io.reclab.train.EarlyStopping;

import java.util.List;

/**
 * Hyperparameters of implicit ALS (Hu, Koren, Volinsky 2008). Keys and defaults:
 * <ul>
 *   <li>{@code factors = 64} embedding dimension;</li>
 *   <li>{@code alpha = 7}: confidence {@code c = 1 + alpha * r}. The paper found 40 best on its TV data (play
 *       counts, so r is often large); with binary r, 7 came out of a validation search on three real data sets
 *       (figures in {@code conf/recall/als.conf}; never a test split);</li>
 *   <li>{@code reg = 50}: lambda of {@code lambda (sum ||x_u||^2 + sum ||y_i||^2)}. The paper tunes lambda per
 *       data set and gives no universal value. The objective is unscaled, so lambda competes with a user's total
 *       confidence over all items ({@code numItems + alpha * |I_u|}, hundreds to thousands); the same search put
 *       the good settings on a ridge {@code alpha / reg ≈ 0.1-0.2} and chose 7 / 50 on it (the {@code implicit}
 *       library's 0.01 only conditions the normal equations and overfits small data);</li>
 *   <li>{@code iterations = 15} alternating sweeps (the paper reports convergence in about 10; 30 gained at most
 *       0.001 on validation);</li>
 *   <li>{@code use-values = false}: r = 1 for every observed pair; {@code true} uses the interaction value
 *       (e.g. play counts or watch time, as in the paper; duplicates are summed). Off by default because many
 *       logs hold explicit ratings, which are not consumption strengths;</li>
 *   <li>{@code solver = cg}, {@code cg-steps = 3}: conjugate gradient warm-started from the previous factors
 *       (Takács, Pilászy, Tikk 2011, "Applications of the Conjugate Gradient Method for Implicit Feedback
 *       Collaborative Filtering", RecSys; also the implicit library's default), or {@code cholesky}, the exact
 *       solve of the paper;</li>
 *   <li>{@code init-std = 0.01}: factors start from a seeded normal(0, init-std);</li>
 *   <li>{@code patience = 3}, {@code valid-every = 1}: early stopping when a validator exists;</li>
 *   <li>{@code retrieval}, {@code hnsw { ... }}: see {@link Retrieval}.</li>
 * </ul>
 */
public record AlsConfig(int factors, double alpha, double reg, int iterations, boolean useValues, String solver,
                        int cgSteps, double initStd, EarlyStopping.Config stopping, Retrieval retrieval) {
    public static final List<String> SOLVERS = List.of("cg", "cholesky");

    public AlsConfig {
        if (factors < 1) throw new IllegalArgumentException("factors must be >= 1, got " + factors);
        if (!(alpha >= 0)) throw new IllegalArgumentException("alpha must be >= 0, got " + alpha);
        if (!(reg > 0)) throw new IllegalArgumentException("reg must be > 0, got " + reg);
        if (iterations < 1) throw new IllegalArgumentException("iterations must be >= 1, got " + iterations);
        if (!SOLVERS.contains(solver)) throw new IllegalArgumentException("solver must be one of " + SOLVERS + ", got " + solver);
        if (cgSteps < 1) throw new IllegalArgumentException("cg-steps must be >= 1, got " + cgSteps);
        if (!(initStd > 0)) throw new IllegalArgumentException("init-std must be > 0, got " + initStd);
    }

    public static final double DEFAULT_ALPHA = 7.0;
    public static final double DEFAULT_REG = 50.0;

    public static AlsConfig defaults() {
        return new AlsConfig(64, DEFAULT_ALPHA, DEFAULT_REG, 15, false, "cg", 3, 0.01, new EarlyStopping.Config(3, 1), Retrieval.EXACT);
    }

    public static AlsConfig from(ConfigBlock b) {
        double reg = b.getDouble("reg", DEFAULT_REG);
        if (!(reg > 0)) throw new ConfigError("`" + b.path() + ".reg` = " + reg + ": expected a number > 0 (it keeps the normal equations positive definite)");
        return new AlsConfig(
                b.positiveInt("factors", 64),
                b.nonNegative("alpha", DEFAULT_ALPHA),
                reg,
                b.positiveInt("iterations", 15),
                b.getBoolean("use-values", false),
                b.getEnum("solver", "cg", SOLVERS),
                b.positiveInt("cg-steps", 3),
                b.positive("init-std", 0.01),
                EarlyStopping.Config.from(b, 3, 1),
                Retrieval.from(b));
    }
}
