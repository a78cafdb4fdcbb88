package io.reclab.data.loader;

import io.reclab.config.ConfigBlock;
import io.reclab.config.Factory;
import io.reclab.data.DatasetLoader;

import java.nio.file.Path;

/**
 * Builds a {@link MovieLens100kLoader} from the {@code dataset} block. Keys: {@code path} (or {@code fetch}, see
 * {@link DatasetLocation}: the folder with {@code u.data}), {@code name} (default: the folder's name).
 */
public final class MovieLens100kFactory implements Factory<DatasetLoader> {
    public static final String NAME = "movielens-100k";
    public static final String DESCRIPTION = "MovieLens 100K folder (u.data, optional u.user/u.item/u.genre features)";

    @Override
    public DatasetLoader create(ConfigBlock block) {
        DatasetLocation where = DatasetLocation.of(block, "a folder with u.data");
        Path path = where.path();
        String name = block.getString("name", LoaderPaths.defaultName(path));
        return where.wrap(new MovieLens100kLoader(new MovieLens100kLoader.Config(name, path)));
    }
}
