package io.reclab.engine;

import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Runs whole trials of a sweep as an engine's tasks (Spark's {@code mode = trials}): each task runs one trial
 * in-process on a worker ({@link io.reclab.run.TrialTasks#run}) and sends back the files of its trial folder,
 * which the driver writes into the run folder as each task completes, so finished trials are kept and an
 * interrupted run resumes as in-process.
 */
public interface TrialScheduler {
    /** One trial: the point's resolved configuration (HOCON), the index of its stage, its name and sweep values. */
    record Task(String config, int stage, String trial, Map<String, String> sweep) implements Serializable {}

    /** What a task sends back: its trial folder's files, by file name. */
    record Output(String trial, Map<String, byte[]> files) implements Serializable {}

    /** Runs every task; {@code done} receives each output on the calling thread as soon as its task completes. */
    void run(List<Task> tasks, Consumer<Output> done) throws IOException;
}
