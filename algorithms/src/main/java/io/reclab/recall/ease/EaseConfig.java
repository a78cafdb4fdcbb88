package io.reclab.recall.ease;

import io.reclab.config.ConfigBlock;
import io.reclab.config.ConfigError;

/**
 * Hyperparameters of {@link EaseRecaller} (block {@code recall.ease}).
 *
 * @param lambda      L2 regularisation added to the Gram diagonal (default 500, the value Steck 2019 uses for ML-20M;
 *                    the paper uses other values for Netflix and MSD, so tune it per data set)
 * @param maxMemoryMb refuse to fit when the dense matrices need more than this many MiB. Absent (stored as -1)
 *                    means 60% of the JVM's maximum heap ({@code Runtime.maxMemory()}), resolved at fit time
 */
public record EaseConfig(double lambda, long maxMemoryMb) {
    public static final EaseConfig DEFAULTS = new EaseConfig(500.0, -1);

    public EaseConfig {
        if (!(lambda > 0)) throw new IllegalArgumentException("lambda must be > 0: " + lambda);
        if (maxMemoryMb == 0 || maxMemoryMb < -1) throw new IllegalArgumentException("max-memory-mb must be positive: " + maxMemoryMb);
    }

    public static EaseConfig from(ConfigBlock block) {
        double lambda = block.positive("lambda", DEFAULTS.lambda);
        long mb = block.has("max-memory-mb") ? block.getLong("max-memory-mb", null) : -1;
        if (mb != -1 && mb <= 0)
            throw new ConfigError("`" + block.path() + ".max-memory-mb` = " + mb + ": expected a positive number of MiB");
        return new EaseConfig(lambda, mb);
    }

    /** The memory limit in bytes: the configured value, or 60% of the maximum heap. */
    public long limitBytes() {
        return maxMemoryMb > 0 ? maxMemoryMb * 1024L * 1024L : (long) (0.6 * Runtime.getRuntime().maxMemory());
    }
}
