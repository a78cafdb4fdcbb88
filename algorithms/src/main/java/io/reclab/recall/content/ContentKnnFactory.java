package io.reclab.recall.content;

import io.reclab.config.ConfigBlock;
import io.reclab.config.Factory;
import io.reclab.recall.Recaller;

/** Builds {@link ContentKnnRecaller} from block {@code recall.content-knn} (keys: neighbors, shrinkage, idf, numeric-buckets). */
public final class ContentKnnFactory implements Factory<Recaller> {
    public static final String NAME = "content-knn";
    public static final String DESCRIPTION = "Content-based item kNN: idf-weighted cosine over item side features (genres, tags, year), candidate-topk scoring; serves items with no interactions (Pazzani and Billsus 2007)";

    @Override
    public Recaller create(ConfigBlock block) {
        return new ContentKnnRecaller(ContentKnnConfig.from(block));
    }
}
