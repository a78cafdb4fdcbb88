package io.reclab.data.fetch;

import java.nio.file.Path;

/**
 * The folder fetched datasets live in: {@code <root>/<dataset name>/}, with unfinished downloads under
 * {@code <root>/.downloads/<dataset name>/}. The root is the system property {@code reclab.data} if set (tests and
 * embedding programs), else the environment variable {@code RECLAB_DATA}, else {@code ~/.reclab/data}.
 */
public record DataCache(Path root) {
    public static final String ENV = "RECLAB_DATA";
    public static final String PROPERTY = "reclab.data";
    /** Written into each fetched dataset folder: the SHA-256 of every extracted file, in {@code sha256sum} format. */
    public static final String SUMS = "SHA256SUMS";

    /** The cache the environment names (see the class comment). */
    public static DataCache fromEnvironment() {
        String p = System.getProperty(PROPERTY);
        if (p == null || p.isBlank()) p = System.getenv(ENV);
        if (p == null || p.isBlank()) return new DataCache(Path.of(System.getProperty("user.home"), ".reclab", "data"));
        return new DataCache(Path.of(p));
    }

    /** Where dataset {@code name} is (or will be) extracted. */
    public Path dir(String name) { return root.resolve(name); }

    /** Where dataset {@code name}'s downloads wait until they are verified and extracted. */
    public Path downloads(String name) { return root.resolve(".downloads").resolve(name); }
}
