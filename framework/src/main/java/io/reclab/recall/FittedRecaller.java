package io.reclab.recall;

import io.reclab.util.TopK;

/**
 * A trained recall model: scores every item for a user. Implementations are immutable and thread-safe, so the
 * evaluator can score users in parallel. Embedding models override {@link #scoreBlock} with a blocked matrix
 * product; neighbourhood models accumulate sparse similarity rows.
 */
public interface FittedRecaller {
    int numItems();

    /**
     * Writes the scores of all items for users {@code users[from..to)} into {@code out}, row-major:
     * {@code out[(u - from) * numItems() + item]}. Higher is better; only the order matters.
     */
    void scoreBlock(int[] users, int from, int to, float[] out);

    /** All item scores for one user. */
    default float[] score(int user) {
        float[] out = new float[numItems()];
        scoreBlock(new int[]{user}, 0, 1, out);
        return out;
    }

    /**
     * The top {@code k} items for {@code user}, best first, skipping {@code excludeSorted} (ascending item ids,
     * e.g. the user's training items). Ties are broken by the smaller item id.
     */
    default int[] recall(int user, int k, int[] excludeSorted) {
        return TopK.select(score(user), 0, numItems(), k, excludeSorted, 0, excludeSorted.length);
    }

    /**
     * Whether {@link #recall} answers from an approximate index (e.g. HNSW) rather than by scoring every item. A
     * pipeline channel then serves through {@link #recall} and {@link #scoreItems}, as production would.
     */
    default boolean approximateRecall() { return false; }

    /** The scores of {@code items} for {@code user}, in order (same arithmetic as {@link #scoreBlock}). */
    default float[] scoreItems(int user, int[] items) {
        float[] all = score(user);
        float[] out = new float[items.length];
        for (int j = 0; j < items.length; j++) out[j] = all[items[j]];
        return out;
    }
}
