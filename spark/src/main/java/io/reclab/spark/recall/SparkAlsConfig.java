package io.reclab.spark.recall;

import io.reclab.config.ConfigBlock;

/**
 * Hyperparameters of {@link SparkAls} (block {@code recall.spark-als}), MLlib's {@code ALS} with implicit
 * preferences. MLlib scales the ridge term by each user's (item's) number of interactions ({@code regParam * n_u},
 * the ALS-WR form of Zhou et al. 2008), unlike reclab's {@code als}, whose {@code reg} is one unscaled lambda, so the
 * two {@code reg} values are not comparable.
 *
 * @param factors    rank (default 64, reclab {@code als}'s, so the two compare at equal size)
 * @param alpha      confidence {@code 1 + alpha * r} (default 7, reclab {@code als}'s validated value)
 * @param reg        MLlib's {@code regParam} (default in {@code conf/recall/spark-als.conf}, from a validation search)
 * @param iterations alternating sweeps (default 15, reclab {@code als}'s)
 * @param blocks     user and item blocks (default 0 = the default parallelism)
 */
public record SparkAlsConfig(int factors, double alpha, double reg, int iterations, int blocks) {
    public static final SparkAlsConfig DEFAULTS = new SparkAlsConfig(64, 7.0, 0.3, 15, 0);

    public SparkAlsConfig {
        if (factors < 1) throw new IllegalArgumentException("factors must be >= 1, got " + factors);
        if (!(alpha >= 0)) throw new IllegalArgumentException("alpha must be >= 0, got " + alpha);
        if (!(reg > 0)) throw new IllegalArgumentException("reg must be > 0, got " + reg);
        if (iterations < 1) throw new IllegalArgumentException("iterations must be >= 1, got " + iterations);
    }

    public static SparkAlsConfig from(ConfigBlock b) {
        SparkAlsConfig c = new SparkAlsConfig(b.positiveInt("factors", DEFAULTS.factors), b.nonNegative("alpha", DEFAULTS.alpha),
                b.positive("reg", DEFAULTS.reg), b.positiveInt("iterations", DEFAULTS.iterations),
                b.nonNegativeInt("blocks", DEFAULTS.blocks));
        b.allow("model");
        b.finish();
        return c;
    }
}
