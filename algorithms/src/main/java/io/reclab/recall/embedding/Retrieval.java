package io.reclab.recall.embedding;

import io.reclab.ann.HnswParams;
import io.reclab.config.ConfigBlock;

import java.util.List;

/**
 * How a fitted embedding model answers {@code recall(user, k, exclude)}: {@code exact} scores every item (and is
 * what full-ranking evaluation always uses, via {@code scoreBlock}); {@code hnsw} searches an HNSW graph over the
 * item vectors, trading a little recall for sub-linear query time. Config keys, in the model's block:
 * {@code retrieval = exact | hnsw} (default {@code exact}) and {@code hnsw { m = 16, ef-construction = 200, ef = 100 }}.
 */
public record Retrieval(String mode, HnswParams hnsw) {
    public static final List<String> MODES = List.of("exact", "hnsw");
    public static final Retrieval EXACT = new Retrieval("exact", HnswParams.DEFAULT);

    public Retrieval {
        if (!MODES.contains(mode)) throw new IllegalArgumentException("retrieval `" + mode + "`: expected one of " + MODES);
    }

    public boolean approximate() { return mode.equals("hnsw"); }

    /** Reads {@code retrieval} and the {@code hnsw} sub-block of a model's block. */
    public static Retrieval from(ConfigBlock block) {
        String mode = block.getEnum("retrieval", "exact", MODES);
        HnswParams p = HnswParams.from(block.child("hnsw"));
        return new Retrieval(mode, p);
    }
}
