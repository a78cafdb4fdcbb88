package io.reclab.data.loader;

import io.reclab.config.ConfigBlock;
import io.reclab.config.ConfigError;
import io.reclab.config.Factory;
import io.reclab.data.DatasetLoader;

/**
 * The {@code parquet} format: an interaction log as Parquet (a file or a folder of part files, local or on any
 * Hadoop file system), read by the Spark engine ({@code engine=spark}); this JVM has no Parquet reader, so
 * in-process the format says so when the data would be loaded. Keys: {@code path}, {@code name}, and block
 * {@code columns} with {@code user} (default {@code user}), {@code item} (default {@code item}), {@code rating}
 * and {@code time} (optional), and {@code row} (optional: a column giving the log order, e.g. the {@code row} of
 * a log the Spark engine wrote with {@code spark.output}; without it, the order Spark reads the files in).
 */
public final class ParquetFactory implements Factory<DatasetLoader> {
    public static final String NAME = "parquet";
    public static final String DESCRIPTION = "interaction log as Parquet (columns user, item, optional rating, time, row); read by engine=spark";

    @Override
    public DatasetLoader create(ConfigBlock block) {
        String path = block.getString("path", null);
        block.getString("name", LoaderPaths.defaultName(java.nio.file.Path.of(path.replaceFirst("^[A-Za-z][A-Za-z0-9+.-]*://[^/]*", ""))));
        ConfigBlock cols = block.child("columns");
        for (String k : new String[]{"user", "item", "rating", "time", "row"}) if (cols.has(k)) cols.getString(k, null);
        cols.finish();
        return () -> {
            throw new ConfigError("dataset.format = parquet (" + path + ") is read by the Spark engine: add engine=spark "
                    + "(spark.master=local[2] on this machine), or convert the log to csv");
        };
    }
}
