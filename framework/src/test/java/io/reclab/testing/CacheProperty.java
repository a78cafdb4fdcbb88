package io.reclab.testing;

import io.reclab.data.fetch.DataCache;

import java.nio.file.Path;

/**
 * Points the data cache at a test's own folder through the system property that comes before {@code RECLAB_DATA}
 * (a test cannot set environment variables), and puts the previous value back afterwards.
 */
public final class CacheProperty {
    private CacheProperty() {}

    /** Sets the cache folder to {@code dir}; returns the previous property value (null when unset). */
    public static String pointAt(Path dir) {
        String saved = System.getProperty(DataCache.PROPERTY);
        System.setProperty(DataCache.PROPERTY, dir.toString());
        return saved;
    }

    /** Restores what {@link #pointAt} returned. */
    public static void restore(String saved) {
        if (saved == null) System.clearProperty(DataCache.PROPERTY);
        else System.setProperty(DataCache.PROPERTY, saved);
    }
}
