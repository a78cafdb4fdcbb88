package io.reclab.spark.data;

import io.reclab.config.ConfigError;
import io.reclab.data.Dataset;
import io.reclab.data.DatasetInfo;
import io.reclab.data.FeatureTable;
import io.reclab.data.IdMap;
import io.reclab.data.Interactions;
import io.reclab.data.preprocess.Preprocessing;
import io.reclab.split.LeaveOneOutSplitter;
import io.reclab.split.RandomSplitter;
import io.reclab.split.SplitResult;
import io.reclab.split.Splitter;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

import java.util.Iterator;
import java.util.List;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.isnan;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.row_number;

/**
 * Cleans, encodes and splits a raw log on Spark with the in-process semantics, so the same data and seed give the
 * same parts on both engines:
 * <ul>
 *   <li>dedupe → min-rating → binarize → iterative k-core, as {@code Preprocessor}: a duplicate (user, item) keeps its
 *       earliest (or latest) row by time, ties by log order; k-core repeats until no row is dropped (its fixed point
 *       is unique, so the order of the rounds does not matter);</li>
 *   <li>dense ids: the surviving users and items in the order they were first seen in the raw log, as the loaders'
 *       first-seen indexing followed by {@code Preprocessor}'s re-indexing gives;</li>
 *   <li>split: leave-one-out by time is assigned per user where the rows lie. The random per-user split needs the
 *       one generator of the in-process split, consumed user after user: the driver draws it from the per-user row
 *       counts alone ({@link RandomSplitter#drawPerUser}), which is small (one int per user plus one per held-out
 *       row), and the rows are assigned their part where they lie from a broadcast of the draw.</li>
 * </ul>
 * The encoded rows are then brought to the driver in log order (the in-process trainers read them from memory) and,
 * when asked, written as Parquet with their part for reuse.
 */
public final class LogPreparation {
    private final SparkSession spark;
    private final int partitions;

    public LogPreparation(SparkSession spark, int partitions) {
        this.spark = spark;
        this.partitions = partitions;
    }

    /** What the preparation produced, with its timings. */
    public record Result(Dataset dataset, SplitResult split, org.apache.spark.sql.Dataset<Row> encoded, double cleanSeconds,
                         double splitSeconds) {}

    /**
     * @param order the id order of a log generated in memory (its id maps), or null for a file: then ids are ordered
     *              by first appearance, as the loaders index them
     */
    public Result prepare(org.apache.spark.sql.Dataset<Row> raw, IdMap[] order, Preprocessing p, Splitter splitter,
                          RandomGenerator rng, String name, String source, String sha256, String output) {
        long t0 = System.nanoTime();
        raw = raw.repartition(partitions, col("user")).persist(StorageLevel.MEMORY_AND_DISK());
        org.apache.spark.sql.Dataset<Row> firstUser = order != null ? rank(order[0], "user")
                : raw.groupBy("user").agg(min("row").as("first"));
        org.apache.spark.sql.Dataset<Row> firstItem = order != null ? rank(order[1], "item")
                : raw.groupBy("item").agg(min("row").as("first"));
        org.apache.spark.sql.Dataset<Row> kept = raw;
        if (p.dedupe() != Preprocessing.Dedupe.NONE) {
            boolean last = p.dedupe() == Preprocessing.Dedupe.LAST;
            WindowSpec w = Window.partitionBy("user", "item")
                    .orderBy(last ? col("time").desc() : col("time").asc(), last ? col("row").desc() : col("row").asc());
            kept = kept.withColumn("rank", row_number().over(w)).filter(col("rank").equalTo(1)).drop("rank");
        }
        if (p.minRating().isPresent())
            // Java's !(v >= min) drops NaN; Spark orders NaN above every number, so it is dropped explicitly
            kept = kept.filter(col("value").geq(p.minRating().getAsDouble()).and(isnan(col("value")).unary_$bang()));
        if (p.binarize()) kept = kept.withColumn("value", lit(1f));
        kept = kCore(kept, p.userCore(), p.itemCore());

        // dense ids: survivors in first-seen order of the raw log
        Ids users = ids(kept.select("user").distinct().join(firstUser, "user"), "user");
        Ids items = ids(kept.select("item").distinct().join(firstItem, "item"), "item");
        org.apache.spark.sql.Dataset<Row> encoded = kept
                .join(org.apache.spark.sql.functions.broadcast(users.table()), "user")
                .join(org.apache.spark.sql.functions.broadcast(items.table()), "item")
                .select(col("row"), col("u"), col("i"), col("value"), col("time"))
                .persist(StorageLevel.MEMORY_AND_DISK());
        long n = encoded.count();
        raw.unpersist();
        double clean = (System.nanoTime() - t0) / 1e9;

        t0 = System.nanoTime();
        org.apache.spark.sql.Dataset<Row> parted = assign(encoded, splitter, rng, users.map().size());
        Interactions x;
        byte[] part;
        // bring the encoded log to the driver in log order, partition by partition
        Collected c = collect(parted.orderBy("row"), (int) n, users.map(), items.map());
        x = c.log();
        part = c.part();
        // in log order, with the row column, so that dataset.format = parquet with columns.row = row reads it back alike
        if (output != null) parted.orderBy("row").write().mode("overwrite").parquet(output);
        encoded.unpersist();
        SplitResult split = splitter instanceof RandomSplitter r ? r.fromParts(x, part)
                : ((LeaveOneOutSplitter) splitter).fromParts(x, part);
        double splitSeconds = (System.nanoTime() - t0) / 1e9;
        DatasetInfo info = new DatasetInfo(name, source, sha256, x.numUsers(), x.numItems(), x.size());
        Dataset ds = new Dataset(info, x, FeatureTable.empty(x.numUsers()), FeatureTable.empty(x.numItems()), null);
        return new Result(ds, split, parted, clean, splitSeconds);
    }

    /** Splitters the engine assigns where the rows lie; others are refused with what to use instead. */
    public static void check(Splitter s, String method) {
        if (s instanceof RandomSplitter r && r.settings().perUser()) return;
        if (s instanceof LeaveOneOutSplitter) return;
        throw new ConfigError("split.method = " + method + (s instanceof RandomSplitter ? " with per-user = false" : "")
                + " is not run by engine=spark (it runs random per user and leave-one-out); drop engine=spark to split in-process");
    }

    private org.apache.spark.sql.Dataset<Row> kCore(org.apache.spark.sql.Dataset<Row> kept, int userCore, int itemCore) {
        if (userCore <= 1 && itemCore <= 1) return kept;
        kept = kept.persist(StorageLevel.MEMORY_AND_DISK());
        long before = kept.count();
        while (true) {
            org.apache.spark.sql.Dataset<Row> uc = kept.groupBy("user").agg(count(lit(1)).as("uc"));
            org.apache.spark.sql.Dataset<Row> ic = kept.groupBy("item").agg(count(lit(1)).as("ic"));
            org.apache.spark.sql.Dataset<Row> next = kept.join(uc, "user").join(ic, "item")
                    .filter(col("uc").geq(userCore).and(col("ic").geq(itemCore)))
                    .select("row", "user", "item", "value", "time")
                    .localCheckpoint(true);
            long after = next.count();
            kept.unpersist();
            kept = next;
            if (after == before) return kept;
            before = after;
        }
    }

    /** (external id, position) of an in-memory id map, as the {@code first} column. */
    private org.apache.spark.sql.Dataset<Row> rank(IdMap m, String column) {
        List<Row> rows = new java.util.ArrayList<>(m.size());
        for (int e = 0; e < m.size(); e++) rows.add(RowFactory.create(m.external(e), (long) e));
        return spark.createDataFrame(rows, new StructType().add(column, DataTypes.StringType, false).add("first", DataTypes.LongType, false));
    }

    /** An id map on the driver and the (external → dense) table Spark joins with. */
    private record Ids(IdMap map, org.apache.spark.sql.Dataset<Row> table) {}

    private Ids ids(org.apache.spark.sql.Dataset<Row> entities, String column) {
        List<Row> ordered = entities.orderBy("first").select(column).collectAsList();
        IdMap.Builder b = new IdMap.Builder();
        List<Row> rows = new java.util.ArrayList<>(ordered.size());
        for (Row r : ordered) rows.add(RowFactory.create(r.getString(0), b.add(r.getString(0))));
        StructType schema = new StructType().add(column, DataTypes.StringType, false)
                .add(column.equals("user") ? "u" : "i", DataTypes.IntegerType, false);
        return new Ids(b.build(), spark.createDataFrame(rows, schema));
    }

    /** The rows with a {@code part} column ({@code Dataset.TRAIN/VALID/TEST}). */
    private org.apache.spark.sql.Dataset<Row> assign(org.apache.spark.sql.Dataset<Row> encoded, Splitter splitter,
                                                     RandomGenerator rng, int numUsers) {
        if (splitter instanceof LeaveOneOutSplitter loo) {
            int need = loo.settings().valid() ? 3 : 2;
            WindowSpec latest = Window.partitionBy("u").orderBy(col("time").desc(), col("row").desc());
            Column rank = row_number().over(latest);
            Column size = count(lit(1)).over(Window.partitionBy("u"));
            Column part = org.apache.spark.sql.functions.when(size.lt(need), lit((byte) 0))
                    .when(rank.equalTo(1), lit(io.reclab.data.Dataset.TEST))
                    .when(rank.equalTo(2).and(lit(loo.settings().valid())), lit(io.reclab.data.Dataset.VALID))
                    .otherwise(lit((byte) 0));
            return encoded.withColumn("part", part.cast("byte"));
        }
        RandomSplitter r = (RandomSplitter) splitter;
        int[] counts = new int[numUsers];
        for (Row row : encoded.groupBy("u").agg(count(lit(1)).as("n")).collectAsList())
            counts[row.getInt(0)] = (int) row.getLong(1);
        RandomSplitter.PerUserDraw draw = RandomSplitter.drawPerUser(counts, r.settings().testRatio(), r.settings().validRatio(), rng);
        Broadcast<RandomSplitter.PerUserDraw> b = JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(draw);
        // each row's position among its user's rows in log order, then its part from the draw
        org.apache.spark.sql.Dataset<Row> positioned = encoded.withColumn("pos",
                row_number().over(Window.partitionBy("u").orderBy("row")).minus(1));
        StructType schema = new StructType().add("row", DataTypes.LongType).add("u", DataTypes.IntegerType)
                .add("i", DataTypes.IntegerType).add("value", DataTypes.FloatType).add("time", DataTypes.LongType)
                .add("part", DataTypes.ByteType);
        return spark.createDataFrame(positioned.javaRDD().mapPartitions(it -> assignParts(it, b.value())), schema);
    }

    private static Iterator<Row> assignParts(Iterator<Row> it, RandomSplitter.PerUserDraw d) {
        return new Iterator<>() {
            @Override public boolean hasNext() { return it.hasNext(); }

            @Override
            public Row next() {
                Row r = it.next();
                int u = r.getInt(1);
                int pos = r.getInt(5);
                byte part = 0;
                for (int p = d.offsets()[u]; p < d.offsets()[u + 1]; p++) {
                    if (d.positions()[p] == pos) { part = d.parts()[p]; break; }
                }
                return RowFactory.create(r.getLong(0), u, r.getInt(2), r.getFloat(3), r.getLong(4), part);
            }
        };
    }

    private record Collected(Interactions log, byte[] part) {}

    private static Collected collect(org.apache.spark.sql.Dataset<Row> ordered, int n, IdMap users, IdMap items) {
        int[] u = new int[n], i = new int[n];
        float[] v = new float[n];
        long[] t = new long[n];
        byte[] part = new byte[n];
        int k = 0;
        Iterator<Row> it = ordered.select("u", "i", "value", "time", "part").toLocalIterator();
        while (it.hasNext()) {
            Row r = it.next();
            u[k] = r.getInt(0);
            i[k] = r.getInt(1);
            v[k] = r.getFloat(2);
            t[k] = r.getLong(3);
            part[k] = r.getByte(4);
            k++;
        }
        if (k != n) throw new IllegalStateException("collected " + k + " rows of " + n);
        return new Collected(new Interactions(u, i, v, t, users, items), part);
    }
}
