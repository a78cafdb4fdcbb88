package io.reclab.data;

import java.nio.file.Path;

/** Malformed input: names the file, the 1-based line and what was expected there. */
public class DataFormatException extends RuntimeException {
    public DataFormatException(Path file, long line, String problem) {
        super(file + ":" + line + ": " + problem);
    }

    public DataFormatException(String message) {
        super(message);
    }
}
