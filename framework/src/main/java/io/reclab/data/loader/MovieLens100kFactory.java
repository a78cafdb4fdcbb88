package io.reclab.data.loader;

import io.reclab.config.ConfigBlock;
import io.reclab.config.Factory;
import io.reclab.data.DatasetLoader;

import java.nio.file.Path;

/**
 * Builds a {@link MovieLens100kLoader} from the {@code dataset} block. Keys: {@code path} (required: the folder
 * with {@code u.data}), {@code name} (default: the folder's name).
 */
public final class MovieLens100kFactory implements Factory<DatasetLoader> {
    public static final String NAME = "movielens-100k";
    public static final String DESCRIPTION = "MovieLens 100K folder (u.data, optional u.user/u.item/u.genre features)";

    @Override
    public DatasetLoader create(ConfigBlock block) {
        Path path = Path.of(block.getString("path", null));
        String name = block.getString("name", LoaderPaths.defaultName(path));
        return new MovieLens100kLoader(new MovieLens100kLoader.Config(name, path));
    }
}
