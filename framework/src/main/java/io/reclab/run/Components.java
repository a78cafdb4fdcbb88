package io.reclab.run;

import io.reclab.config.Registry;
import io.reclab.data.DatasetLoader;
import io.reclab.rank.Ranker;
import io.reclab.recall.Recaller;
import io.reclab.split.Splitter;

/**
 * The registries an experiment chooses from, by kind. Built once in code by the application (the CLI's catalogue);
 * tests build their own with fakes or a subset.
 */
public record Components(Registry<DatasetLoader> datasets, Registry<Splitter> splitters,
                         Registry<Recaller> recallers, Registry<Ranker> rankers) {
}
