package io.reclab.data;

import java.util.Optional;

/**
 * A loaded dataset: the interaction log, user and item side features, provenance, and, for sources that ship a
 * split (LightGCN's train.txt/test.txt, RecBole's .train/.valid/.test.inter), the part of each log row.
 *
 * @param predefinedParts null, or one byte per interaction row: {@link #TRAIN}, {@link #VALID} or {@link #TEST}
 */
public record Dataset(DatasetInfo info, Interactions interactions, FeatureTable userFeatures,
                      FeatureTable itemFeatures, byte[] predefinedParts) {
    public static final byte TRAIN = 0;
    public static final byte VALID = 1;
    public static final byte TEST = 2;

    public Dataset {
        if (predefinedParts != null && predefinedParts.length != interactions.size())
            throw new IllegalArgumentException("predefinedParts has " + predefinedParts.length + " entries for "
                    + interactions.size() + " interactions");
        if (userFeatures.size() != interactions.numUsers())
            throw new IllegalArgumentException("user features for " + userFeatures.size() + " users, log has " + interactions.numUsers());
        if (itemFeatures.size() != interactions.numItems())
            throw new IllegalArgumentException("item features for " + itemFeatures.size() + " items, log has " + interactions.numItems());
    }

    public Optional<byte[]> predefinedSplit() { return Optional.ofNullable(predefinedParts); }
}
