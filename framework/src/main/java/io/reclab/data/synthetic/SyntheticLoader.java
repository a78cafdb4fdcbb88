package io.reclab.data.synthetic;

import io.reclab.data.Dataset;
import io.reclab.data.DatasetLoader;

/** A {@link DatasetLoader} that generates its data with {@link SyntheticGenerator}; reads no file. */
public final class SyntheticLoader implements DatasetLoader {
    private final SyntheticConfig config;

    public SyntheticLoader(SyntheticConfig config) { this.config = config; }

    public SyntheticConfig config() { return config; }

    @Override
    public Dataset load() { return new SyntheticGenerator(config).generate(); }
}
