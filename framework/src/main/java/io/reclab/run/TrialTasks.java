package io.reclab.run;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValueFactory;
import io.reclab.engine.Engines;
import io.reclab.engine.TrialScheduler;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The worker side of {@link TrialScheduler}: runs one trial in-process (engine forced to {@code in-process}, one
 * thread, since the task holds one core) in a scratch run folder and returns its files. Data is loaded once per
 * worker JVM and shared by the trials that land there.
 */
public final class TrialTasks {
    private static final InputCache INPUTS = new InputCache(new PrintWriter(new StringWriter()));

    private TrialTasks() {}

    /** The configuration a task runs: the point's, on this JVM alone, with one thread. */
    public static Config inProcess(Config point) {
        Config c = point.withValue("engine", ConfigValueFactory.fromAnyRef(Engines.IN_PROCESS))
                .withValue("threads", ConfigValueFactory.fromAnyRef(1));
        for (String e : Engines.providers().keySet()) c = c.withoutPath(e);
        return c;
    }

    public static TrialScheduler.Output run(TrialScheduler.Task task, Components components) {
        try {
            ExperimentPlan plan = ExperimentPlan.build(inProcess(ConfigFactory.parseString(task.config())), components);
            Path scratch = Files.createTempDirectory("reclab-trial-");
            try {
                RunStore store = RunStore.create(scratch, "trial");
                TrialRunner runner = new TrialRunner(store, new PrintWriter(new StringWriter()), INPUTS);
                List<TrialStage> stages = TrialRunner.stages(plan, new PrintWriter(new StringWriter()));
                runner.run(plan, stages.get(task.stage()), task.trial(), task.sweep(), true, null);
                Map<String, byte[]> files = new LinkedHashMap<>();
                Path dir = store.trialDir(task.trial());
                try (Stream<Path> s = Files.list(dir)) {
                    for (Path f : s.sorted().toList()) if (Files.isRegularFile(f)) files.put(f.getFileName().toString(), Files.readAllBytes(f));
                }
                return new TrialScheduler.Output(task.trial(), files);
            } finally {
                deleteTree(scratch);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path p) throws IOException {
        try (Stream<Path> s = Files.walk(p)) {
            for (Path x : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(x);
        }
    }
}
