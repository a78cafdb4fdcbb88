package io.reclab.data.loader;

import io.reclab.config.ConfigBlock;
import io.reclab.config.ConfigError;
import io.reclab.config.Factory;
import io.reclab.data.DatasetLoader;

import java.nio.file.Path;

/**
 * Builds a {@link DelimitedLoader}. Keys: {@code path} (or {@code fetch}, see {@link DatasetLocation}: the file),
 * {@code name} (default: the file name without extension), {@code delimiter} (default {@code ","}; one character, or
 * {@code tab}), {@code header} (default true), {@code skip-lines} (default 0, lines skipped before the header),
 * {@code encoding} (UTF-8), and block {@code columns} with {@code user} (default {@code user}, or 0 without header),
 * {@code item} (default {@code item}, or 1), {@code rating} and {@code time} (optional): header names or 0-based
 * indices.
 */
public final class DelimitedFactory implements Factory<DatasetLoader> {
    public static final String NAME = "csv";
    public static final String DESCRIPTION = "generic delimited log (OpenCSV): columns user, item, optional rating and time";

    @Override
    public DatasetLoader create(ConfigBlock block) {
        DatasetLocation where = DatasetLocation.of(block, "the interaction file");
        Path path = where.path();
        String name = block.getString("name", LoaderPaths.defaultName(path));
        String d = block.getString("delimiter", ",");
        char delim;
        if (d.equalsIgnoreCase("tab") || d.equals("\\t")) delim = '\t';
        else if (d.length() == 1) delim = d.charAt(0);
        else throw new ConfigError("`" + block.path() + ".delimiter` = " + d + ": expected one character (or `tab`)");
        if (delim == '"' || delim == '\n' || delim == '\r')
            throw new ConfigError("`" + block.path() + ".delimiter` = " + d + ": cannot be a quote or line break");
        boolean header = block.getBoolean("header", true);
        int skip = block.nonNegativeInt("skip-lines", 0);
        ConfigBlock cols = block.child("columns");
        String user = cols.getString("user", header ? "user" : "0");
        String item = cols.getString("item", header ? "item" : "1");
        String rating = cols.has("rating") ? cols.getString("rating", null) : null;
        String time = cols.has("time") ? cols.getString("time", null) : null;
        cols.finish();
        if (!header) {
            for (String[] c : new String[][] {{"user", user}, {"item", item}, {"rating", rating}, {"time", time}}) {
                if (c[1] != null && !c[1].trim().matches("\\d+"))
                    throw new ConfigError("`" + block.path() + ".columns." + c[0] + "` = " + c[1]
                            + ": expected a 0-based column index when header = false");
            }
        }
        return where.wrap(new DelimitedLoader(new DelimitedLoader.Config(name, path, delim, header, skip, user, item, rating, time,
                LoaderPaths.charset(block, "encoding", "UTF-8"))));
    }
}
