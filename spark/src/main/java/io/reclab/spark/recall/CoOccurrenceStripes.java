package io.reclab.spark.recall;

import io.reclab.recall.itemcf.ItemCfConfig;
import io.reclab.recall.itemcf.ItemCfRecaller;
import io.reclab.recall.neighbors.Accumulator;
import io.reclab.recall.neighbors.NeighborSelection;
import io.reclab.recall.neighbors.SparsePattern;
import io.reclab.recall.neighbors.SparseRows;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import scala.Tuple2;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The item-item co-occurrence matrix as the classic map-reduce job, in its "stripes" form (Lin 2008, "Scalable
 * language processing algorithms for the masses: a case study in computing word co-occurrence matrices with
 * MapReduce", EMNLP): the user histories (each already capped at {@code max-user-items}, the power-user guard) are
 * cut into blocks of users; the map task of a block emits, for every item its users touched, one stripe: the item's
 * partial co-counts c_B(i, ·) = Σ_{u ∈ B ∩ U_i} w_u over the block, accumulated in primitive arrays (a map-side
 * combine, so the shuffle carries one record per item and block instead of one per pair). The reduce sums an item's
 * stripes, applies the cosine of {@link ItemCfRecaller} and keeps its top-k with the in-process selection
 * ({@link NeighborSelection#keepBest}). Nothing but the item degrees is broadcast, so no executor needs the whole
 * log; the shuffle is at most Σ_blocks nnz(X_Bᵀ X_B) entries of 12 bytes.
 * <p>Without {@code iuf} the co-counts are integers, so S_k is the in-process matrix bit for bit. With {@code iuf}
 * the weights are summed per block and then across blocks, a different order from the in-process sum, so a
 * similarity may differ in the last bit of its double before it is rounded to float.
 */
final class CoOccurrenceStripes {
    private CoOccurrenceStripes() {}

    /** A block of consecutive users' item lists, as CSR over the block. */
    record Block(int[] indptr, int[] items) implements Serializable {}

    /** Partial co-counts of one item: columns ascending, with their sums. */
    record Stripe(int[] cols, double[] sums) implements Serializable {
        static Stripe merge(Stripe a, Stripe b) {
            int[] c = new int[a.cols.length + b.cols.length];
            double[] s = new double[c.length];
            int i = 0, j = 0, n = 0;
            while (i < a.cols.length || j < b.cols.length) {
                if (j == b.cols.length || (i < a.cols.length && a.cols[i] < b.cols[j])) { c[n] = a.cols[i]; s[n++] = a.sums[i++]; }
                else if (i == a.cols.length || b.cols[j] < a.cols[i]) { c[n] = b.cols[j]; s[n++] = b.sums[j++]; }
                else { c[n] = a.cols[i]; s[n++] = a.sums[i++] + b.sums[j++]; }
            }
            return n == c.length ? new Stripe(c, s) : new Stripe(java.util.Arrays.copyOf(c, n), java.util.Arrays.copyOf(s, n));
        }
    }

    /** S_k (row i = N_k(i), best first) of the user × item pattern {@code simItems}, with {@code blocks} map tasks. */
    static SparseRows similarity(JavaSparkContext sc, SparsePattern simItems, ItemCfConfig config, int blocks, int partitions) {
        int items = simItems.cols;
        int[] degree = new int[items];
        for (int idx : simItems.indices) degree[idx]++;
        Broadcast<int[]> bd = sc.broadcast(degree);
        int users = simItems.rows;
        int n = Math.max(1, Math.min(blocks, users));
        List<Block> list = new ArrayList<>(n);
        for (int b = 0; b < n; b++) list.add(block(simItems, (int) ((long) users * b / n), (int) ((long) users * (b + 1) / n)));
        ItemCfConfig c = config;
        JavaPairRDD<Integer, Stripe> stripes = sc.parallelize(list, n)
                .flatMapToPair(block -> stripes(block, items, c.iuf()))
                .reduceByKey(Stripe::merge, Math.max(1, partitions));
        List<Tuple2<Integer, NeighborSelection.Row>> rows = stripes.mapToPair(e -> {
            NeighborSelection.Finisher cosine = ItemCfRecaller.cosine(bd.value(), c);
            Stripe s = e._2;
            return new Tuple2<>(e._1, NeighborSelection.keepBest(e._1, s.cols.length, t -> s.cols[t], t -> s.sums[t],
                    c.neighbors(), cosine));
        }).collect();
        bd.destroy();
        int[][] cols = new int[items][];
        float[][] vals = new float[items][];
        for (Tuple2<Integer, NeighborSelection.Row> r : rows) { cols[r._1] = r._2.cols(); vals[r._1] = r._2.values(); }
        return SparseRows.ofRows(items, cols, vals);
    }

    private static Block block(SparsePattern p, int from, int to) {
        int[] indptr = new int[to - from + 1];
        for (int u = from; u < to; u++) indptr[u - from + 1] = p.indptr[u + 1] - p.indptr[from];
        return new Block(indptr, java.util.Arrays.copyOfRange(p.indices, p.indptr[from], p.indptr[to]));
    }

    /** The map side: one stripe per item touched by the block, its co-counts over the block's users in user order. */
    static Iterator<Tuple2<Integer, Stripe>> stripes(Block b, int items, boolean iuf) {
        int users = b.indptr.length - 1;
        // the block's item -> local users lists (users ascending, as in the in-process kernel)
        int[] start = new int[items + 1];
        for (int idx : b.items) start[idx + 1]++;
        for (int i = 0; i < items; i++) start[i + 1] += start[i];
        int[] fill = java.util.Arrays.copyOf(start, items);
        int[] itemUsers = new int[b.items.length];
        for (int u = 0; u < users; u++)
            for (int p = b.indptr[u]; p < b.indptr[u + 1]; p++) itemUsers[fill[b.items[p]]++] = u;
        double[] weight = new double[users];
        for (int u = 0; u < users; u++) weight[u] = iuf ? ItemCfRecaller.userWeight(b.indptr[u + 1] - b.indptr[u]) : 1.0;
        Accumulator acc = new Accumulator(items);
        // lazily, one item at a time, so a block never holds more than one stripe besides the shuffle's buffers
        return new Iterator<>() {
            int next = advance(0);

            private int advance(int i) {
                while (i < items && start[i] == start[i + 1]) i++;
                return i;
            }

            @Override
            public boolean hasNext() { return next < items; }

            @Override
            public Tuple2<Integer, Stripe> next() {
                if (next >= items) throw new java.util.NoSuchElementException();
                int i = next;
                for (int q = start[i]; q < start[i + 1]; q++) {
                    int u = itemUsers[q];
                    double w = weight[u];
                    for (int p = b.indptr[u]; p < b.indptr[u + 1]; p++) acc.add(b.items[p], w);
                }
                acc.sortTouched();
                int[] cols = new int[acc.size()];
                double[] sums = new double[acc.size()];
                for (int t = 0; t < cols.length; t++) { cols[t] = acc.touched(t); sums[t] = acc.get(cols[t]); }
                acc.clear();
                next = advance(i + 1);
                return new Tuple2<>(i, new Stripe(cols, sums));
            }
        };
    }
}
