package io.reclab.recall.pop;

import io.reclab.config.ConfigBlock;

/**
 * Configuration of {@link PopRecaller} (block {@code recall.pop}). Popularity has no hyperparameters; the record
 * exists so that every recaller parses its block the same way and unknown keys are rejected.
 */
public record PopConfig() {
    public static PopConfig from(ConfigBlock block) {
        return new PopConfig();
    }
}
