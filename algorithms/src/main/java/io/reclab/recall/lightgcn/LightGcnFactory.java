package io.reclab.recall.lightgcn;

import io.reclab.config.ConfigBlock;
import io.reclab.config.Factory;
import io.reclab.recall.Recaller;

/** Builds {@link LightGcn} from its config block (keys in {@link LightGcnConfig}). */
public final class LightGcnFactory implements Factory<Recaller> {
    public static final String NAME = "lightgcn";
    public static final String DESCRIPTION = "LightGCN: BPR-trained embeddings smoothed by linear propagation on the user-item graph (He et al. 2020)";

    @Override
    public Recaller create(ConfigBlock block) {
        return new LightGcn(LightGcnConfig.from(block));
    }
}
