package io.reclab.engine;

import io.reclab.config.ConfigError;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * The engines on the class path, and the ones opened by this process: one per configuration, shared by every
 * trial of a run and closed when the run ends ({@link #closeAll}). {@code in-process} is the default and has no
 * engine object.
 */
public final class Engines {
    /** The default engine's name: everything runs in this JVM. */
    public static final String IN_PROCESS = "in-process";

    private static final Map<String, Engine> OPEN = new LinkedHashMap<>();

    private Engines() {}

    /** Every provider on the class path, by name. */
    public static Map<String, EngineProvider> providers() {
        Map<String, EngineProvider> out = new LinkedHashMap<>();
        for (EngineProvider p : ServiceLoader.load(EngineProvider.class)) out.put(p.name(), p);
        return out;
    }

    /** The provider of {@code name}, or a ConfigError that says how to get it onto the class path. */
    public static EngineProvider provider(String name) {
        Map<String, EngineProvider> all = providers();
        EngineProvider p = all.get(name);
        if (p != null) return p;
        List<String> known = new ArrayList<>();
        known.add(IN_PROCESS);
        known.addAll(all.keySet());
        throw new ConfigError("engine = " + name + ": no such engine on the class path (known here: " + String.join(", ", known)
                + ")" + ("spark".equals(name) ? "; the spark module provides it: run through ./reclab, which adds it when the "
                + "command line says engine=spark, or build it with `mvn -pl spark -am package`" : ""));
    }

    /** The open engine for these settings, opening it on first use. */
    public static synchronized Engine open(EngineProvider provider, EngineProvider.EngineSettings settings, int threads) {
        String key = provider.name() + "|" + settings.key() + "|" + threads;
        Engine e = OPEN.get(key);
        if (e == null) {
            e = provider.open(settings, threads);
            OPEN.put(key, e);
        }
        return e;
    }

    /** Closes every engine this process opened (the end of a run). */
    public static synchronized void closeAll() {
        for (Engine e : OPEN.values()) {
            try {
                e.close();
            } catch (RuntimeException ignored) {
                // closing is best effort: the run's results are already written
            }
        }
        OPEN.clear();
    }
}
