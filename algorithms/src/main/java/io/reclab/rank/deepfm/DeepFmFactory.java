package io.reclab.rank.deepfm;

import io.reclab.config.ConfigBlock;
import io.reclab.config.Factory;
import io.reclab.rank.Ranker;

/** Builds {@link DeepFm} from its config block (keys in {@link DeepFmConfig}). */
public final class DeepFmFactory implements Factory<Ranker> {
    public static final String NAME = "deepfm";
    public static final String DESCRIPTION = "DeepFM (Guo et al., IJCAI 2017): FM and MLP sharing field embeddings";

    @Override
    public Ranker create(ConfigBlock block) {
        return new DeepFm(DeepFmConfig.from(block));
    }
}
