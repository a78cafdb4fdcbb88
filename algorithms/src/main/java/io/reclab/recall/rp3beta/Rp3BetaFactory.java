package io.reclab.recall.rp3beta;

import io.reclab.config.ConfigBlock;
import io.reclab.config.Factory;
import io.reclab.recall.Recaller;

/** Builds {@link Rp3BetaRecaller} from block {@code recall.rp3beta} (keys: neighbors, alpha, beta, normalize). */
public final class Rp3BetaFactory implements Factory<Recaller> {
    public static final String NAME = "rp3beta";
    public static final String DESCRIPTION = "RP3beta: popularity-penalised 3-step random-walk item similarity, top-k (Paudel et al. 2017)";

    @Override
    public Recaller create(ConfigBlock block) {
        return new Rp3BetaRecaller(Rp3BetaConfig.from(block));
    }
}
