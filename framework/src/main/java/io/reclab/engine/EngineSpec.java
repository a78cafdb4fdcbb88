package io.reclab.engine;

import io.reclab.config.ConfigBlock;

/**
 * The {@code engine} an experiment runs on, resolved when the experiment is planned: {@code null} provider for
 * in-process, otherwise the provider and its validated settings (block {@code <engine>}, e.g. {@code spark}).
 */
public record EngineSpec(String name, EngineProvider provider, EngineProvider.EngineSettings settings) {
    public static final EngineSpec IN_PROCESS = new EngineSpec(Engines.IN_PROCESS, null, null);

    public boolean inProcess() { return provider == null; }

    /** Opens (or reuses) the engine; null for in-process. */
    public Engine open(int threads) {
        return provider == null ? null : Engines.open(provider, settings, threads);
    }

    /** The provider of engine {@code name} with its block parsed (unknown keys rejected by the provider). */
    public static EngineSpec parse(String name, ConfigBlock block) {
        EngineProvider p = Engines.provider(name);
        return new EngineSpec(name, p, p.settings(block));
    }
}
