package io.reclab.data.loader;

import io.reclab.config.ConfigBlock;
import io.reclab.config.Factory;
import io.reclab.data.DatasetLoader;

import java.nio.charset.Charset;
import java.nio.file.Path;

/**
 * Builds a {@link MovieLensDatLoader}. Keys: {@code path} (or {@code fetch}, see {@link DatasetLocation}: the folder
 * with {@code ratings.dat}), {@code name} (default: the folder's name), {@code encoding} (default {@code ISO-8859-1},
 * that of ML-1M).
 */
public final class MovieLensDatFactory implements Factory<DatasetLoader> {
    public static final String NAME = "movielens-dat";
    public static final String DESCRIPTION = "MovieLens 1M/10M folder (ratings.dat, optional users.dat/movies.dat, `::`-separated)";

    @Override
    public DatasetLoader create(ConfigBlock block) {
        DatasetLocation where = DatasetLocation.of(block, "a folder with ratings.dat");
        Path path = where.path();
        String name = block.getString("name", LoaderPaths.defaultName(path));
        Charset cs = LoaderPaths.charset(block, "encoding", "ISO-8859-1");
        return where.wrap(new MovieLensDatLoader(new MovieLensDatLoader.Config(name, path, cs)));
    }
}
