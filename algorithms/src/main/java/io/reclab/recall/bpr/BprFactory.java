package io.reclab.recall.bpr;

import io.reclab.config.ConfigBlock;
import io.reclab.config.Factory;
import io.reclab.recall.Recaller;

/** Builds {@link Bpr} from its config block (keys in {@link BprConfig}). */
public final class BprFactory implements Factory<Recaller> {
    public static final String NAME = "bpr";
    public static final String DESCRIPTION = "BPR-MF: matrix factorisation trained with the pairwise BPR loss (Rendle et al. 2009)";

    @Override
    public Recaller create(ConfigBlock block) {
        return new Bpr(BprConfig.from(block));
    }
}
