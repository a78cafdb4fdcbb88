package io.reclab.recall.neighbors;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Runs independent row ranges on a fixed number of threads. Chunks are handed out dynamically (rows differ a lot in
 * cost: popular items have long user lists), which does not affect results because every row is computed from
 * read-only inputs into its own output slot, in a fixed order. Hence outputs are identical for any thread count.
 */
public final class Parallel {
    private Parallel() {}

    /** Work on rows {@code [from, to)} with a per-thread scratch state. */
    public interface RangeBody<S> {
        void run(S state, int from, int to);
    }

    /** A chunk size giving each thread several chunks for load balance, between 1 and 256 rows. */
    public static int chunk(int n, int threads) {
        return Math.max(1, Math.min(256, n / Math.max(1, threads * 16)));
    }

    public static <S> void forRange(int n, int threads, int chunk, Supplier<S> state, RangeBody<S> body) {
        if (n <= 0) return;
        int t = Math.max(1, Math.min(threads, (n + chunk - 1) / chunk));
        if (t == 1) {
            body.run(state.get(), 0, n);
            return;
        }
        AtomicInteger next = new AtomicInteger();
        Throwable[] failure = new Throwable[1];
        Thread[] workers = new Thread[t];
        for (int w = 0; w < t; w++) {
            workers[w] = new Thread(() -> {
                try {
                    S s = state.get();
                    for (int from = next.getAndAdd(chunk); from < n; from = next.getAndAdd(chunk)) {
                        body.run(s, from, Math.min(n, from + chunk));
                    }
                } catch (Throwable e) {
                    synchronized (failure) {
                        if (failure[0] == null) failure[0] = e;
                    }
                    next.set(n); // stop the other workers early
                }
            }, "reclab-neighbors-" + w);
            workers[w].setDaemon(true);
            workers[w].start();
        }
        boolean interrupted = false;
        for (Thread w : workers) {
            while (true) {
                try {
                    w.join();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
        Throwable f = failure[0];
        if (f instanceof RuntimeException re) throw re;
        if (f instanceof Error er) throw er;
        if (f != null) throw new IllegalStateException(f);
    }
}
