package io.reclab.recall.itemcf;

import io.reclab.config.ConfigBlock;
import io.reclab.config.Factory;
import io.reclab.recall.Recaller;

/** Builds {@link ItemCfRecaller} from block {@code recall.itemcf} (keys: neighbors, shrinkage, iuf, normalize, variant). */
public final class ItemCfFactory implements Factory<Recaller> {
    public static final String NAME = "itemcf";
    public static final String DESCRIPTION = "Item-based CF, top-k cosine item neighbours (candidate-topk as RecBole ItemKNN, history-topk, or bars) with shrinkage, optional IUF and row-max normalisation (Sarwar et al. 2001)";

    @Override
    public Recaller create(ConfigBlock block) {
        return new ItemCfRecaller(ItemCfConfig.from(block));
    }
}
