package io.reclab.config;

/** A configuration mistake by the user; its message is one line naming the key and what was expected. */
public class ConfigError extends RuntimeException {
    public ConfigError(String message) {
        super(message);
    }
}
