package io.reclab.rank.gbdt;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Runs a range split into fixed contiguous blocks, one per thread, so results do not depend on scheduling. */
final class Parallel {
    private Parallel() {}

    @FunctionalInterface
    interface Block {
        void run(int from, int to, int block);
    }

    /** Calls {@code body} on {@code blocks} contiguous parts of [0, n); on the caller's thread when blocks == 1. */
    static void forBlocks(int n, int blocks, Block body) {
        if (blocks <= 1 || n < 2) {
            body.run(0, n, 0);
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(blocks, r -> {
            Thread t = new Thread(r, "reclab-gbdt");
            t.setDaemon(true);
            return t;
        });
        try {
            run(pool, n, blocks, body);
        } finally {
            pool.shutdown();
        }
    }

    static void run(ExecutorService pool, int n, int blocks, Block body) {
        List<Future<?>> fs = new ArrayList<>(blocks);
        for (int b = 0; b < blocks; b++) {
            int from = (int) ((long) n * b / blocks), to = (int) ((long) n * (b + 1) / blocks), id = b;
            fs.add(pool.submit(() -> body.run(from, to, id)));
        }
        try {
            for (Future<?> f : fs) f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException re) throw re;
            if (c instanceof Error er) throw er;
            throw new IllegalStateException(c);
        }
    }
}
