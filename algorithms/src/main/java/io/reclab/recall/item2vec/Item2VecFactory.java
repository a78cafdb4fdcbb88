package io.reclab.recall.item2vec;

import io.reclab.config.ConfigBlock;
import io.reclab.config.Factory;
import io.reclab.recall.Recaller;

/** Builds {@link Item2Vec} from its config block (keys documented on {@link Item2VecConfig}). */
public final class Item2VecFactory implements Factory<Recaller> {
    public static final String NAME = "item2vec";
    public static final String DESCRIPTION =
            "Item2Vec: skip-gram with negative sampling over users' item sets (Barkan & Koenigstein 2016), optional side information";

    @Override
    public Recaller create(ConfigBlock block) {
        return new Item2Vec(Item2VecConfig.from(block));
    }
}
