package io.reclab.rank.train;

import io.reclab.util.Parallel;
import io.reclab.nn.Logistic;
import io.reclab.nn.Params;
import io.reclab.rank.Samples;


/** Probabilities of a {@link Net} in inference mode, blocks spread round-robin over the workers' scratches. */
final class Inference {
    private Inference() {}

    static <S> float[] predict(Net<S> net, Params params, Samples data, MinibatchTrainer.Worker<S>[] workers,
                               Parallel pool) {
        int n = data.size();
        float[] out = new float[n];
        if (n == 0) return out;
        int[] rows = new int[n];
        for (int i = 0; i < n; i++) rows[i] = i;
        int cap = workers[0].capacity;
        int numBlocks = (n + cap - 1) / cap;
        int tasks = Math.min(workers.length, numBlocks);
        pool.forEach(tasks, t -> {
            MinibatchTrainer.Worker<S> w = workers[t];
            for (int b = t; b < numBlocks; b += tasks) {
                int from = b * cap, to = Math.min(n, from + cap);
                net.forward(params, data, rows, from, to, false, 0L, w.scratch, null, w.logits);
                for (int i = from; i < to; i++) out[i] = Logistic.sigmoid(w.logits[i - from]);
            }
        });
        return out;
    }
}
