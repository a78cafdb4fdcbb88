package io.reclab.recall.swing;

import io.reclab.config.ConfigBlock;
import io.reclab.config.Factory;
import io.reclab.recall.Recaller;

/**
 * Builds {@link SwingRecaller} from block {@code recall.swing} (keys: neighbors, alpha, user-weighting,
 * user-offset, max-users-per-item).
 */
public final class SwingFactory implements Factory<Recaller> {
    public static final String NAME = "swing";
    public static final String DESCRIPTION = "Swing: item similarity from user pairs weighted by 1/(alpha + their overlap), top-k (Yang et al. 2020)";

    @Override
    public Recaller create(ConfigBlock block) {
        return new SwingRecaller(SwingConfig.from(block));
    }
}
