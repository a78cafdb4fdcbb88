package io.reclab.data.loader;

import io.reclab.config.ConfigBlock;
import io.reclab.config.Factory;
import io.reclab.data.DatasetLoader;

import java.nio.file.Path;

/**
 * Builds a {@link LightGcnLoader}. Keys: {@code path} (or {@code fetch}, see {@link DatasetLocation}: the folder with
 * {@code train.txt} and {@code test.txt}), {@code name} (default: the folder's name).
 */
public final class LightGcnFactory implements Factory<DatasetLoader> {
    public static final String NAME = "lightgcn";
    public static final String DESCRIPTION = "LightGCN train.txt/test.txt (`user item item ...`), predefined train/test split";

    @Override
    public DatasetLoader create(ConfigBlock block) {
        DatasetLocation where = DatasetLocation.of(block, "a folder with train.txt and test.txt");
        Path path = where.path();
        String name = block.getString("name", LoaderPaths.defaultName(path));
        return where.wrap(new LightGcnLoader(new LightGcnLoader.Config(name, path)));
    }
}
