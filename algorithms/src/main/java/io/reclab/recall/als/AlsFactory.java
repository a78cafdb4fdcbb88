package io.reclab.recall.als;

import io.reclab.config.ConfigBlock;
import io.reclab.config.Factory;
import io.reclab.recall.Recaller;

/** Builds {@link ImplicitAls} from its config block (keys in {@link AlsConfig}). */
public final class AlsFactory implements Factory<Recaller> {
    public static final String NAME = "als";
    public static final String DESCRIPTION = "Implicit-feedback ALS matrix factorisation (Hu, Koren, Volinsky 2008), CG or Cholesky solves";

    @Override
    public Recaller create(ConfigBlock block) {
        return new ImplicitAls(AlsConfig.from(block));
    }
}
