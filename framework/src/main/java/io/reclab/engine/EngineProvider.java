package io.reclab.engine;

import io.reclab.config.ConfigBlock;
import io.reclab.config.Factory;
import io.reclab.recall.Recaller;

import java.util.Map;

/**
 * A pluggable engine, found with {@link java.util.ServiceLoader} when its module is on the class path (the core
 * modules never depend on one). It validates its config block when an experiment is planned, so a typo fails
 * before any data is read, and opens the engine on first use.
 */
public interface EngineProvider {
    /** The value of {@code engine} that selects it; its settings are the block of the same name. */
    String name();

    String description();

    /** Parses and validates block {@code <name>} (absent keys take defaults); throws ConfigError on a bad key. */
    EngineSettings settings(ConfigBlock block);

    /** Opens the engine (e.g. starts a Spark session) with settings from {@link #settings}. */
    Engine open(EngineSettings settings, int threads);

    /** Recall models that exist only on this engine (e.g. {@code spark-als}), registered beside the built-in ones. */
    default Map<String, Registered> recallers() { return Map.of(); }

    /** A recall model the provider adds to the catalogue. */
    record Registered(String description, Factory<Recaller> factory) {}

    /** An engine's typed settings; {@link #key()} identifies one configuration (engines are shared per key). */
    interface EngineSettings {
        String key();
    }
}
