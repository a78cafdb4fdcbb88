package io.reclab.recall.ease;

import io.reclab.config.ConfigBlock;
import io.reclab.config.Factory;
import io.reclab.recall.Recaller;

/** Builds {@link EaseRecaller} from block {@code recall.ease} (keys: lambda, max-memory-mb). */
public final class EaseFactory implements Factory<Recaller> {
    public static final String NAME = "ease";
    public static final String DESCRIPTION = "EASE^R: closed-form dense item-item linear autoencoder with zero diagonal (Steck 2019)";

    @Override
    public Recaller create(ConfigBlock block) {
        return new EaseRecaller(EaseConfig.from(block));
    }
}
