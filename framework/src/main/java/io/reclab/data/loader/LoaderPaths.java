package io.reclab.data.loader;

import java.nio.file.Path;

/** Small path helpers shared by the loader factories. */
final class LoaderPaths {
    private LoaderPaths() {}

    /** A charset named by {@code key}, with an error naming the key when unknown. */
    static java.nio.charset.Charset charset(io.reclab.config.ConfigBlock block, String key, String def) {
        String v = block.getString(key, def);
        try {
            return java.nio.charset.Charset.forName(v);
        } catch (RuntimeException e) {
            throw new io.reclab.config.ConfigError("`" + block.path() + "." + key + "` = " + v
                    + ": expected a charset name such as UTF-8 or ISO-8859-1");
        }
    }

    /** A file or folder's name without extension ("ml-1m" for {@code data/ml-1m}, "log" for {@code log.csv}). */
    static String defaultName(Path path) {
        Path f = path.toAbsolutePath().normalize().getFileName();
        if (f == null) return "dataset";
        String s = f.toString();
        int dot = s.lastIndexOf('.');
        return dot > 0 && !java.nio.file.Files.isDirectory(path) ? s.substring(0, dot) : s;
    }
}
