package io.reclab.recall.fmrecall;

import io.reclab.config.ConfigBlock;
import io.reclab.config.Factory;
import io.reclab.recall.Recaller;

/** Builds {@link FmRecall} from its config block (keys documented on {@link FmRecallConfig}). */
public final class FmRecallFactory implements Factory<Recaller> {
    public static final String NAME = "fm-recall";
    public static final String DESCRIPTION =
            "Factorization machine over user/item ids and side features (Rendle 2010), split into <U,I> for retrieval";

    @Override
    public Recaller create(ConfigBlock block) {
        return new FmRecall(FmRecallConfig.from(block));
    }
}
