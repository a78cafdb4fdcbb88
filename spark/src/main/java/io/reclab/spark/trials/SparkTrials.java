package io.reclab.spark.trials;

import io.reclab.catalog.Catalogue;
import io.reclab.engine.TrialScheduler;
import io.reclab.run.TrialTasks;
import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;

/**
 * Trials as Spark tasks ({@code spark.mode = trials}): every pending trial is submitted at once as a one-task job
 * (Spark's scheduler runs as many side by side as there are executor cores), each task runs its trial in-process
 * on its executor ({@link TrialTasks}) against data the executor reads itself (so the dataset path must be
 * readable there: a shared or Hadoop file system on a cluster), and the driver writes each trial's files as soon
 * as its job completes. A failed trial comes back as a {@code failed} record like in-process; a lost task is
 * retried by Spark.
 */
public final class SparkTrials implements TrialScheduler {
    private final SparkSession spark;

    public SparkTrials(SparkSession spark) { this.spark = spark; }

    @Override
    public void run(List<Task> tasks, Consumer<Output> done) throws IOException {
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        List<JavaFutureAction<List<Output>>> pending = new ArrayList<>();
        for (Task t : tasks) {
            sc.setJobDescription("reclab trial " + t.trial());
            pending.add(sc.parallelize(List.of(t), 1).map(x -> TrialTasks.run(x, Catalogue.components())).collectAsync());
        }
        try {
            while (!pending.isEmpty()) {
                boolean any = false;
                for (int k = 0; k < pending.size(); k++) {
                    JavaFutureAction<List<Output>> f = pending.get(k);
                    if (!f.isDone()) continue;
                    for (Output o : f.get()) done.accept(o);
                    pending.remove(k--);
                    any = true;
                }
                if (!any) Thread.sleep(50);
            }
        } catch (InterruptedException e) {
            for (JavaFutureAction<List<Output>> f : pending) f.cancel(true);
            Thread.currentThread().interrupt();
            throw new IOException("interrupted with " + pending.size() + " trial(s) still running", e);
        } catch (ExecutionException e) {
            for (JavaFutureAction<List<Output>> f : pending) f.cancel(true);
            throw new IOException("a trial task failed: " + e.getCause().getMessage(), e.getCause());
        }
    }
}
