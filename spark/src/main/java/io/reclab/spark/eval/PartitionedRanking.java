package io.reclab.spark.eval;

import io.reclab.data.Csr;
import io.reclab.eval.RankingEvaluator;
import io.reclab.recall.FittedRecaller;
import io.reclab.recall.embedding.EmbeddingRecaller;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * Full-ranking lists on Spark: the evaluated users are cut into slices, one task each, against a broadcast of the
 * fitted model (item factors with user factors, or the neighbour lists with the user histories) and of the
 * training (and excluded validation) items; every task ranks its users with {@link RankingEvaluator#rankFull}, the
 * in-process code, and the driver puts the lists back in user order. Metrics are then computed by the framework's
 * own code from those lists, so they equal the in-process ones exactly.
 */
public final class PartitionedRanking {
    private final SparkSession spark;
    private final int tasks;

    public PartitionedRanking(SparkSession spark, int tasks) {
        this.spark = spark;
        this.tasks = Math.max(1, tasks);
    }

    /** Whether {@code model} can be shipped to executors (else the caller ranks in-process). */
    public static boolean shippable(FittedRecaller model) {
        return model instanceof Serializable || model instanceof EmbeddingRecaller;
    }

    public int[][] rank(FittedRecaller model, int[] users, Csr train, Csr exclude, int k, int blockSize) {
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Broadcast<Shipment> b = sc.broadcast(Shipment.of(model, train, exclude));
        int n = users.length;
        int slices = Math.max(1, Math.min(n, tasks));
        List<int[]> chunks = new ArrayList<>(slices);
        for (int t = 0; t < slices; t++) {
            int from = (int) ((long) n * t / slices), to = (int) ((long) n * (t + 1) / slices);
            chunks.add(java.util.Arrays.copyOfRange(users, from, to));
        }
        List<int[][]> parts = sc.parallelize(chunks, slices).map(chunk -> {
            Shipment s = b.value();
            return RankingEvaluator.rankFull(s.model(), chunk, s.train(), s.exclude(), k, blockSize, 1);
        }).collect();
        b.destroy();
        int[][] out = new int[n][];
        int o = 0;
        for (int[][] p : parts) {
            System.arraycopy(p, 0, out, o, p.length);
            o += p.length;
        }
        return out;
    }

    /** What executors receive: the model (factors re-wrapped on arrival) and the items to skip per user. */
    record Shipment(Object payload, Csr train, Csr exclude) implements Serializable {
        static Shipment of(FittedRecaller m, Csr train, Csr exclude) {
            Object p = m instanceof EmbeddingRecaller e ? Factors.of(e) : m;
            return new Shipment(p, train, exclude);
        }

        FittedRecaller model() {
            return payload instanceof Factors f ? f.model() : (FittedRecaller) payload;
        }
    }

    /** An embedding model's arrays; rebuilt as an exact dot-product scorer on the executor. */
    record Factors(int dim, float[] users, float[] items, float[] bias) implements Serializable {
        static Factors of(EmbeddingRecaller e) {
            int d = e.dim();
            float[] u = new float[e.numUsers() * d];
            for (int x = 0; x < e.numUsers(); x++) System.arraycopy(e.userVector(x), 0, u, x * d, d);
            float[] it = new float[e.numItems() * d];
            for (int x = 0; x < e.numItems(); x++) System.arraycopy(e.itemVector(x), 0, it, x * d, d);
            float[] b = null;
            if (e.hasItemBias()) {
                b = new float[e.numItems()];
                for (int x = 0; x < b.length; x++) b[x] = e.itemBias(x);
            }
            return new Factors(d, u, it, b);
        }

        EmbeddingRecaller model() { return EmbeddingRecaller.exact(dim, users, items, bias); }
    }
}
