package io.reclab.config;

/**
 * Builds a component from its config block. Implementations parse the block into their typed config record
 * (reading every key through {@link ConfigBlock}, which validates values); {@link Registry#create} then rejects
 * any key the factory did not read.
 */
@FunctionalInterface
public interface Factory<T> {
    T create(ConfigBlock block);
}
