package io.reclab.recall.twotower;

import io.reclab.config.ConfigBlock;
import io.reclab.config.Factory;
import io.reclab.recall.Recaller;

/** Builds {@link TwoTower} from its config block (keys documented on {@link TwoTowerConfig}). */
public final class TwoTowerFactory implements Factory<Recaller> {
    public static final String NAME = "twotower";
    public static final String DESCRIPTION =
            "Two-tower DSSM/YouTube-DNN retrieval with in-batch sampled softmax and logQ correction (Yi et al. 2019)";

    @Override
    public Recaller create(ConfigBlock block) {
        return new TwoTower(TwoTowerConfig.from(block));
    }
}
