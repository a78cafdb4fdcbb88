package io.reclab.rank.train;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;

/** Runs numbered tasks on a fixed pool (or inline without one) and waits; task i always does the same work. */
final class Parallel {
    private Parallel() {}

    static ExecutorService pool(int threads) {
        if (threads <= 1) return null;
        return Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "reclab-rank-train");
            t.setDaemon(true);
            return t;
        });
    }

    static void run(ExecutorService pool, int tasks, IntConsumer body) {
        if (pool == null || tasks == 1) {
            for (int i = 0; i < tasks; i++) body.accept(i);
            return;
        }
        List<Future<?>> fs = new ArrayList<>(tasks);
        for (int i = 0; i < tasks; i++) {
            int id = i;
            fs.add(pool.submit(() -> body.accept(id)));
        }
        RuntimeException failure = null;
        for (Future<?> f : fs) {
            try {
                f.get();
            } catch (ExecutionException e) {
                Throwable c = e.getCause();
                if (failure == null) failure = c instanceof RuntimeException re ? re : new RuntimeException(c);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RuntimeException("interrupted while training", e);
            }
        }
        if (failure != null) throw failure;
    }
}
