package io.reclab.run;

import io.reclab.recall.FittedRecaller;

import java.util.HashMap;
import java.util.Map;

/**
 * Fitted components of one run, keyed by what determines them: the component's config path and rendered block,
 * the data it was fit on (dataset, split and seed) and its seed. A pipeline thus reuses the model its channel's own
 * trial fitted, and refits it (with the same seed, so identically) only when that trial was skipped on resume.
 */
public final class FittedModels {
    private final Map<String, FittedRecaller> recallers = new HashMap<>();

    /** The cache key of a component: config path, block, data and seed. */
    public static String key(String path, String configKey, String dataKey, long seed) {
        return path + "|" + configKey + "|" + dataKey + "|" + seed;
    }

    /** The model a channel's trial chose (and refit, if so configured), or null. */
    public FittedRecaller recaller(String key) { return recallers.get(key); }

    public void putRecaller(String key, FittedRecaller m) { recallers.put(key, m); }
}
