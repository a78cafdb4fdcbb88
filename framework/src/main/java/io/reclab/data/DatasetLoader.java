package io.reclab.data;

import java.io.IOException;

/**
 * Reads one source format into a {@link Dataset}. Implementations are built from a typed config record by their
 * registered factory; a user plugs in a new format by registering another loader.
 * Errors in the input name the file, the line and the expected shape ({@link DataFormatException}).
 */
public interface DatasetLoader {
    Dataset load() throws IOException;
}
