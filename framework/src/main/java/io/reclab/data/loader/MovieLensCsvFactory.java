package io.reclab.data.loader;

import io.reclab.config.ConfigBlock;
import io.reclab.config.Factory;
import io.reclab.data.DatasetLoader;

import java.nio.file.Path;

/**
 * Builds a {@link MovieLensCsvLoader}. Keys: {@code path} (or {@code fetch}, see {@link DatasetLocation}: the folder
 * with {@code ratings.csv}), {@code name} (default: the folder's name).
 */
public final class MovieLensCsvFactory implements Factory<DatasetLoader> {
    public static final String NAME = "movielens-csv";
    public static final String DESCRIPTION = "MovieLens 20M/25M/latest folder (ratings.csv, optional movies.csv)";

    @Override
    public DatasetLoader create(ConfigBlock block) {
        DatasetLocation where = DatasetLocation.of(block, "a folder with ratings.csv");
        Path path = where.path();
        String name = block.getString("name", LoaderPaths.defaultName(path));
        return where.wrap(new MovieLensCsvLoader(new MovieLensCsvLoader.Config(name, path)));
    }
}
