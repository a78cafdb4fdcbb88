package io.reclab.data.loader;

import io.reclab.config.ConfigBlock;
import io.reclab.config.ConfigError;
import io.reclab.data.Dataset;
import io.reclab.data.DatasetLoader;
import io.reclab.data.fetch.DataCache;
import io.reclab.data.fetch.DatasetCatalogue;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Where a {@code dataset} block's files are, for the loaders of file formats. Keys:
 * <ul>
 *   <li>{@code path}: the folder (or file) to read; when set, nothing else is looked at;</li>
 *   <li>{@code fetch}: the dataset's name in {@code reclab data list} ({@code ml-100k}); without {@code path} the
 *       loader reads the cache folder {@code $RECLAB_DATA/<fetch>} that {@code reclab data fetch} fills, plus
 *       {@code fetch-file} for formats that read one file ({@code user_artists.dat});</li>
 *   <li>{@code dev-path}: a copy looked at last, when the cache has none (the development copy beside the
 *       project, {@code ../shared/data/...}).</li>
 * </ul>
 * A missing file is reported in one line that ends with what to do: the exact {@code ./reclab data fetch} command
 * or {@code dataset.path=}.
 */
public final class DatasetLocation {
    private final Path path;
    private final String fetch;
    private final String notFound;
    private final String hint;

    private DatasetLocation(Path path, String fetch, String notFound, String hint) {
        this.path = path;
        this.fetch = fetch;
        this.notFound = notFound;
        this.hint = hint;
    }

    /**
     * Reads the location keys of {@code block}.
     *
     * @param expected what {@code path} must name, for messages ("a folder with u.data")
     */
    public static DatasetLocation of(ConfigBlock block, String expected) {
        String fetch = block.has("fetch") ? block.getString("fetch", null) : null;
        String fetchFile = block.has("fetch-file") ? block.getString("fetch-file", null) : null;
        String dev = block.has("dev-path") ? block.getString("dev-path", null) : null;
        if (fetch != null) {
            try {
                DatasetCatalogue.builtIn().get(fetch);
            } catch (ConfigError e) {
                throw new ConfigError("`" + block.path() + ".fetch`: " + e.getMessage());
            }
        }
        String pathKey = block.path() + ".path";
        if (fetch == null || block.has("path")) {
            Path p = Path.of(block.getString("path", null));
            String h = fetch == null ? "point " + pathKey + "= at " + expected
                    : "`./reclab data fetch " + fetch + "` downloads it (read when " + pathKey + " is unset), or point "
                    + pathKey + "= at " + expected;
            return new DatasetLocation(p, fetch, null, h);
        }
        Path cached = DataCache.fromEnvironment().dir(fetch);
        if (fetchFile != null) cached = cached.resolve(fetchFile);
        if (Files.exists(cached))
            return new DatasetLocation(cached, fetch, null, "`./reclab data verify " + fetch + "` checks the fetched copy and `./reclab data fetch "
                    + fetch + " --force` fetches it again, or point " + pathKey + "= at " + expected);
        if (dev != null && Files.exists(Path.of(dev)))
            return new DatasetLocation(Path.of(dev), fetch, null, "`./reclab data fetch " + fetch + "` downloads it, or point "
                    + pathKey + "= at " + expected);
        String msg = "dataset " + fetch + " not found in " + cached + " ($" + DataCache.ENV + ", default ~/.reclab/data)"
                + (dev == null ? "" : " nor " + dev) + ": run `./reclab data fetch " + fetch + "`, or point " + pathKey + "= at " + expected;
        return new DatasetLocation(cached, fetch, msg, null);
    }

    /** The folder or file to read (when nothing was found: where {@code reclab data fetch} would put it). */
    public Path path() { return path; }

    /** The catalogue name, or null when the block names none. */
    public String fetch() { return fetch; }

    /**
     * {@code loader}, with its missing-file errors extended by what to do (and failing at load time, in one line,
     * when the dataset was found nowhere).
     */
    public DatasetLoader wrap(DatasetLoader loader) {
        return new DatasetLoader() {
            @Override
            public Dataset load() throws IOException {
                if (notFound != null) throw new FileNotFoundException(notFound);
                try {
                    return loader.load();
                } catch (FileNotFoundException e) {
                    throw new FileNotFoundException(e.getMessage() + "; " + hint);
                } catch (NoSuchFileException e) {
                    throw new FileNotFoundException(e.getFile() + ": file not found; " + hint);
                }
            }
        };
    }
}
