package io.reclab.data.loader;

import io.reclab.config.ConfigBlock;
import io.reclab.config.Factory;
import io.reclab.data.DatasetLoader;

import java.nio.file.Path;

/**
 * Builds a {@link MovieLensCsvLoader}. Keys: {@code path} (required: the folder with {@code ratings.csv}),
 * {@code name} (default: the folder's name).
 */
public final class MovieLensCsvFactory implements Factory<DatasetLoader> {
    public static final String NAME = "movielens-csv";
    public static final String DESCRIPTION = "MovieLens 20M/25M/latest folder (ratings.csv, optional movies.csv)";

    @Override
    public DatasetLoader create(ConfigBlock block) {
        Path path = Path.of(block.getString("path", null));
        String name = block.getString("name", LoaderPaths.defaultName(path));
        return new MovieLensCsvLoader(new MovieLensCsvLoader.Config(name, path));
    }
}
