package io.reclab.util;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * The one worker pool of the code base: a fixed pool of threads owned by one run (a training run, an evaluation),
 * for data-parallel loops over numbered tasks, contiguous ranges, or dynamically handed-out chunks.
 * The calling thread works too, so {@code threads = 2} means one extra thread. Which thread runs a task is not
 * fixed, so callers keep results deterministic by making each task write only its own outputs (partial sums per
 * task, combined in task order afterwards) rather than by relying on a schedule.
 */
public final class Parallel implements AutoCloseable {
    private final int threads;
    private final ExecutorService pool;

    public Parallel(int threads) {
        this.threads = Math.max(1, threads);
        if (this.threads == 1) {
            pool = null;
        } else {
            AtomicInteger count = new AtomicInteger();
            pool = Executors.newFixedThreadPool(this.threads - 1, r -> {
                Thread t = new Thread(r, "reclab-train-" + count.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
        }
    }

    public int threads() { return threads; }

    /** Runs {@code body.accept(task)} for every task in {@code 0 .. tasks-1} and returns when all have finished. */
    public void forEach(int tasks, IntConsumer body) {
        if (tasks <= 0) return;
        if (pool == null || tasks == 1) {
            for (int t = 0; t < tasks; t++) body.accept(t);
            return;
        }
        AtomicInteger next = new AtomicInteger();
        Runnable worker = () -> {
            for (int t = next.getAndIncrement(); t < tasks; t = next.getAndIncrement()) body.accept(t);
        };
        int helpers = Math.min(threads - 1, tasks - 1);
        List<Future<?>> futures = new ArrayList<>(helpers);
        for (int h = 0; h < helpers; h++) futures.add(pool.submit(worker));
        Throwable failure = null;
        try {
            worker.run();
        } catch (RuntimeException | Error e) {
            failure = e;
            next.set(tasks);
        }
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (ExecutionException e) {
                if (failure == null) failure = e.getCause();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                if (failure == null) failure = e;
            }
        }
        if (failure instanceof RuntimeException re) throw re;
        if (failure instanceof Error er) throw er;
        if (failure != null) throw new IllegalStateException(failure);
    }

    /** A body over a contiguous range {@code [from, to)} that is part number {@code part}. */
    @FunctionalInterface
    public interface RangeBody {
        void run(int part, int from, int to);
    }

    /**
     * Splits {@code [0, n)} into {@code parts} contiguous ranges of near-equal size (the split depends only on
     * {@code n} and {@code parts}) and runs them in parallel.
     */
    public void forRanges(int n, int parts, RangeBody body) {
        int p = Math.max(1, Math.min(parts, n));
        if (n <= 0) return;
        forEach(p, part -> body.run(part, bound(n, p, part), bound(n, p, part + 1)));
    }

    /** Start of part {@code part} when {@code n} elements are split into {@code parts} ranges. */
    public static int bound(int n, int parts, int part) {
        return (int) ((long) n * part / parts);
    }

    /**
     * Splits rows {@code 0 .. rows-1} into {@code parts} contiguous ranges of near-equal cost, where row r costs
     * {@code base + (indptr[r+1] - indptr[r])}; returns the {@code parts + 1} boundaries.
     */
    public static int[] balancedBounds(int[] indptr, int rows, int parts, int base) {
        int[] b = new int[parts + 1];
        long total = (long) indptr[rows] - indptr[0] + (long) base * rows;
        int r = 0;
        for (int p = 1; p < parts; p++) {
            long target = total * p / parts;
            while (r < rows && (long) indptr[r] - indptr[0] + (long) base * r < target) r++;
            b[p] = r;
        }
        b[parts] = rows;
        for (int p = 1; p <= parts; p++) if (b[p] < b[p - 1]) b[p] = b[p - 1];
        return b;
    }

    /** Work on rows {@code [from, to)} with a per-worker scratch state. */
    @FunctionalInterface
    public interface ChunkBody<S> {
        void run(S state, int from, int to);
    }

    /** A chunk size giving each thread several chunks for load balance, between 1 and 256 rows. */
    public static int chunk(int n, int threads) {
        return Math.max(1, Math.min(256, n / Math.max(1, threads * 16)));
    }

    /**
     * Runs {@code [0, n)} in chunks of at most {@code chunk} rows handed out through a shared counter to up to
     * {@code threads} workers, each with its own {@code state}. For rows of very uneven cost (popular items, long
     * user lists). Results do not depend on the schedule when each row writes only its own output slot.
     */
    public static <S> void forChunks(int n, int threads, int chunk, java.util.function.Supplier<S> state, ChunkBody<S> body) {
        if (n <= 0) return;
        if (chunk < 1) throw new IllegalArgumentException("chunk must be >= 1: " + chunk);
        int t = Math.max(1, Math.min(threads, (n + chunk - 1) / chunk));
        if (t == 1) {
            S s = state.get();
            for (int from = 0; from < n; from += chunk) body.run(s, from, Math.min(n, from + chunk));
            return;
        }
        AtomicInteger next = new AtomicInteger();
        try (Parallel p = new Parallel(t)) {
            p.forEach(t, w -> {
                S s = state.get();
                for (int from = next.getAndAdd(chunk); from < n; from = next.getAndAdd(chunk))
                    body.run(s, from, Math.min(n, from + chunk));
            });
        }
    }

    @Override
    public void close() {
        if (pool != null) pool.shutdownNow();
    }
}
