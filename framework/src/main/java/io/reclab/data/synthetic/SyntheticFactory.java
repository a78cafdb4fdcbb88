package io.reclab.data.synthetic;

import io.reclab.config.ConfigBlock;
import io.reclab.config.Factory;
import io.reclab.data.DatasetLoader;

/**
 * Builds a {@link SyntheticLoader}. Keys and defaults: {@code name} (synthetic), {@code seed} (42), {@code users}
 * (1000), {@code items} (800), {@code clusters} (8), {@code factors} (16), {@code interactions-per-user} (40),
 * {@code spread} (0.5), {@code popularity-exponent} (1.0), {@code affinity} (4.0), {@code noise} (0.1),
 * {@code days} (365). See {@link SyntheticGenerator} for what they mean.
 */
public final class SyntheticFactory implements Factory<DatasetLoader> {
    public static final String NAME = "synthetic";
    public static final String DESCRIPTION = "deterministic generated data with latent clusters, Zipf popularity, timestamps and side features";

    @Override
    public DatasetLoader create(ConfigBlock block) {
        return new SyntheticLoader(SyntheticConfig.from(block));
    }
}
