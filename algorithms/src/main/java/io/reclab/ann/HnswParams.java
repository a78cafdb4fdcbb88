package io.reclab.ann;

import io.reclab.config.ConfigBlock;

/**
 * HNSW index settings (Malkov and Yashunin 2020, "Efficient and Robust Approximate Nearest Neighbor Search Using
 * Hierarchical Navigable Small World Graphs", IEEE TPAMI): {@code m} links per node (16), {@code ef-construction}
 * candidate list size while building (200), {@code ef} candidate list size while searching (100). These are the
 * defaults of the reference hnswlib and of the paper's recommended range (M 5..48, efConstruction ~100..200).
 */
public record HnswParams(int m, int efConstruction, int ef) {
    public static final HnswParams DEFAULT = new HnswParams(16, 200, 100);

    public HnswParams {
        if (m < 2) throw new IllegalArgumentException("hnsw m must be >= 2, got " + m);
        if (efConstruction < 1) throw new IllegalArgumentException("hnsw ef-construction must be >= 1, got " + efConstruction);
        if (ef < 1) throw new IllegalArgumentException("hnsw ef must be >= 1, got " + ef);
    }

    /** Reads {@code m}, {@code ef-construction}, {@code ef} and rejects other keys of the block. */
    public static HnswParams from(ConfigBlock block) {
        int m = block.getInt("m", DEFAULT.m);
        if (m < 2) throw new io.reclab.config.ConfigError("`" + block.path() + ".m` = " + m + ": expected an integer >= 2");
        HnswParams p = new HnswParams(m, block.positiveInt("ef-construction", DEFAULT.efConstruction),
                block.positiveInt("ef", DEFAULT.ef));
        block.finish();
        return p;
    }
}
