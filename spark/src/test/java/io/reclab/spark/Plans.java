package io.reclab.spark;

import io.reclab.catalog.Catalogue;
import io.reclab.config.ConfigComposer;
import io.reclab.config.ConfigSource;
import io.reclab.run.DataSource;
import io.reclab.run.ExperimentPlan;
import io.reclab.run.InputCache;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Experiments planned from the shipped config groups, as the command line plans them (tests only). */
final class Plans {
    static final Path CONF = Path.of("..", "experiments", "conf");

    private Plans() {}

    static ExperimentPlan plan(String experiment, String... overrides) {
        return ExperimentPlan.build(composer().compose(experiment, List.of(overrides)).config(), Catalogue.components());
    }

    /** The same experiment on Spark local[2]. */
    static ExperimentPlan onSpark(String experiment, String... overrides) {
        return plan(experiment, spark(overrides));
    }

    static ConfigComposer composer() {
        return new ConfigComposer(new ConfigSource(List.of(CONF), Plans.class.getClassLoader(), Catalogue.GROUPS));
    }

    /** Runs an experiment as `reclab run` does, into {@code runs}; the console output is dropped. */
    static io.reclab.run.ExperimentRunner.Result run(Path runs, String experiment, String... overrides) throws IOException {
        return new io.reclab.run.ExperimentRunner(Catalogue.components(), new PrintWriter(new StringWriter()))
                .run(composer(), experiment, List.of(overrides), List.of(), runs);
    }

    /** The Spark local[2] overrides added to {@code overrides}. */
    static String[] spark(String... overrides) {
        List<String> all = new ArrayList<>(List.of(overrides));
        all.add("engine=spark");
        all.add("spark.master=\"local[2]\"");
        return all.toArray(String[]::new);
    }

    static DataSource.Log log(ExperimentPlan p) throws IOException {
        return (DataSource.Log) new InputCache(new PrintWriter(new StringWriter())).source(p);
    }
}
