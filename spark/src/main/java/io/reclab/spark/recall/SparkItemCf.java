package io.reclab.spark.recall;

import io.reclab.data.Interactions;
import io.reclab.recall.FittedRecaller;
import io.reclab.recall.Recaller;
import io.reclab.recall.TrainContext;
import io.reclab.recall.itemcf.ItemCfConfig;
import io.reclab.recall.itemcf.ItemCfRecaller;
import io.reclab.recall.neighbors.SparsePattern;
import io.reclab.recall.neighbors.SparseRows;
import io.reclab.spark.SparkSettings;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;

import java.util.ArrayList;
import java.util.List;

/**
 * ItemCF (Sarwar et al. 2001; see {@link ItemCfRecaller}) with its similarity job on Spark, in one of two forms
 * ({@code spark.itemcf-job}): the map-reduce {@link CoOccurrenceStripes stripes} job, or, by default, this one: the item rows of the
 * co-occurrence matrix are cut into ranges, one task each, against a broadcast of the user histories (each capped
 * at {@code max-user-items}, the power-user guard); each task accumulates its rows' co-counts, turns them into
 * cosines and keeps the top-k, with the very kernel the in-process fit uses, so the neighbour lists are the same
 * bit for bit, for any option ({@code neighbors}, {@code shrinkage}, {@code iuf}, {@code normalize},
 * {@code variant}) and any number of tasks. Cost per task: the sum of its items' users' history lengths; memory
 * per executor: the broadcast histories, 8 bytes per kept interaction.
 */
public final class SparkItemCf implements Recaller {
    private final SparkSession spark;
    private final ItemCfConfig config;
    private final SparkSettings.ItemCfJob job;
    private final int tasks;
    private final int partitions;

    /**
     * @param tasks      map tasks (item ranges, or user blocks for stripes)
     * @param partitions reduce partitions of the stripes job
     */
    public SparkItemCf(SparkSession spark, ItemCfConfig config, SparkSettings.ItemCfJob job, int tasks, int partitions) {
        this.spark = spark;
        this.config = config;
        this.job = job;
        this.tasks = Math.max(1, tasks);
        this.partitions = Math.max(1, partitions);
    }

    @Override
    public FittedRecaller fit(TrainContext context) {
        Interactions train = context.train();
        SparsePattern userItems = SparsePattern.userItems(train);
        SparsePattern simItems = config.maxUserItems() > 0
                ? SparsePattern.userItems(ItemCfRecaller.latest(train, config.maxUserItems())) : userItems;
        SparseRows topk = job == SparkSettings.ItemCfJob.STRIPES
                ? CoOccurrenceStripes.similarity(JavaSparkContext.fromSparkContext(spark.sparkContext()), simItems, config, tasks, partitions)
                : similarity(simItems, simItems.transpose());
        return ItemCfRecaller.assemble(config, userItems, topk);
    }

    /** S_k computed by item ranges on Spark and concatenated in item order. */
    SparseRows similarity(SparsePattern simItems, SparsePattern itemUsers) {
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Broadcast<SparsePattern> bu = sc.broadcast(simItems);
        Broadcast<SparsePattern> bi = sc.broadcast(itemUsers);
        int items = itemUsers.rows;
        int n = Math.min(items, tasks);
        List<int[]> ranges = new ArrayList<>(n);
        for (int t = 0; t < n; t++) ranges.add(new int[]{(int) ((long) items * t / n), (int) ((long) items * (t + 1) / n)});
        ItemCfConfig c = config;
        List<SparseRows> parts = sc.parallelize(ranges, n)
                .map(r -> ItemCfRecaller.similarityRows(bu.value(), bi.value(), c, r[0], r[1], 1))
                .collect();
        bu.destroy();
        bi.destroy();
        return concat(parts, items);
    }

    static SparseRows concat(List<SparseRows> parts, int width) {
        int rows = 0, nnz = 0;
        for (SparseRows p : parts) { rows += p.rows; nnz += p.nnz(); }
        int[] indptr = new int[rows + 1];
        int[] cols = new int[nnz];
        float[] vals = new float[nnz];
        int r = 0, o = 0;
        for (SparseRows p : parts) {
            for (int k = 0; k < p.rows; k++) indptr[r + k + 1] = o + p.indptr[k + 1];
            System.arraycopy(p.cols, 0, cols, o, p.nnz());
            System.arraycopy(p.values, 0, vals, o, p.nnz());
            r += p.rows;
            o += p.nnz();
        }
        return new SparseRows(rows, width, indptr, cols, vals);
    }

    @Override
    public String toString() { return "spark " + job.name().toLowerCase(java.util.Locale.ROOT) + " " + config; }
}
