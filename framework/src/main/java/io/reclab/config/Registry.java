package io.reclab.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Name → factory for one kind of component (dataset format, splitter, recall model, ...). Registration is plain
 * code (no reflection, no class names in config), so a config can only choose among what was registered.
 * An unknown name gets an error listing the known ones.
 */
public final class Registry<T> {
    /** A registered option with its one-line description (shown by {@code reclab list}). */
    public record Entry<T>(String name, String description, Factory<T> factory) {}

    private final String kind;
    private final Map<String, Entry<T>> entries = new LinkedHashMap<>();

    public Registry(String kind) { this.kind = kind; }

    public String kind() { return kind; }

    public Registry<T> register(String name, String description, Factory<T> factory) {
        if (entries.containsKey(name)) throw new IllegalStateException(kind + " `" + name + "` registered twice");
        entries.put(name, new Entry<>(name, description, factory));
        return this;
    }

    public boolean contains(String name) { return entries.containsKey(name); }

    public Entry<T> entry(String name) {
        Entry<T> e = entries.get(name);
        if (e == null) {
            String msg = "unknown " + kind + " `" + name + "`";
            String s = Suggest.closest(name, entries.keySet());
            if (s != null) msg += "; did you mean `" + s + "`?";
            msg += " Known: " + String.join(", ", entries.keySet());
            throw new ConfigError(msg);
        }
        return e;
    }

    /** Builds {@code name} from {@code block}, then rejects keys the factory did not read. */
    public T create(String name, ConfigBlock block) {
        T t = entry(name).factory().create(block);
        block.finish();
        return t;
    }

    public Map<String, Entry<T>> entries() { return Collections.unmodifiableMap(entries); }
}
