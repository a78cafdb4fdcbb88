package io.reclab.data.loader;

import io.reclab.config.ConfigBlock;
import io.reclab.config.Factory;
import io.reclab.data.DatasetLoader;

import java.nio.file.Path;

/**
 * Builds a {@link RecBoleLoader}. Keys: {@code path} (required: the folder holding {@code <name>.inter}),
 * {@code name} (default: the folder's name; also the atomic files' base name), {@code user-field}
 * (default {@code user_id}), {@code item-field} ({@code item_id}), {@code rating-field} ({@code rating}),
 * {@code time-field} ({@code timestamp}), {@code encoding} ({@code UTF-8}).
 */
public final class RecBoleFactory implements Factory<DatasetLoader> {
    public static final String NAME = "recbole";
    public static final String DESCRIPTION = "RecBole atomic files <name>.inter/.user/.item, or benchmark .train/.valid/.test.inter";

    @Override
    public DatasetLoader create(ConfigBlock block) {
        Path path = Path.of(block.getString("path", null));
        String name = block.getString("name", LoaderPaths.defaultName(path));
        return new RecBoleLoader(new RecBoleLoader.Config(name, path,
                block.getString("user-field", "user_id"), block.getString("item-field", "item_id"),
                block.getString("rating-field", "rating"), block.getString("time-field", "timestamp"),
                LoaderPaths.charset(block, "encoding", "UTF-8")));
    }
}
