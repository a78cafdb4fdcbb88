package io.reclab.spark.recall;

import io.reclab.data.Interactions;
import io.reclab.recall.FittedRecaller;
import io.reclab.recall.Recaller;
import io.reclab.recall.TrainContext;
import io.reclab.recall.embedding.EmbeddingRecaller;
import org.apache.spark.ml.recommendation.ALS;
import org.apache.spark.ml.recommendation.ALSModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.util.Iterator;

/**
 * Spark MLlib's implicit-feedback ALS (Hu, Koren, Volinsky 2008, as implemented in {@code org.apache.spark.ml
 * .recommendation.ALS}) as a recall channel, {@code spark-als}: the training pairs (binary, one per user-item) go
 * to MLlib, and the factors it returns are scored by reclab's own {@link EmbeddingRecaller}, so evaluation is the
 * framework's. Unbound (outside {@code engine=spark}) it refuses to fit.
 */
public final class SparkAls implements Recaller {
    private final SparkSession spark;
    private final SparkAlsConfig config;
    private final int defaultBlocks;

    /** @param spark null for the catalogue's unbound instance; the Spark engine binds it with {@link #on} */
    public SparkAls(SparkSession spark, SparkAlsConfig config, int defaultBlocks) {
        this.spark = spark;
        this.config = config;
        this.defaultBlocks = defaultBlocks;
    }

    public SparkAlsConfig config() { return config; }

    /** This model on a Spark session. */
    public SparkAls on(SparkSession s, int blocks) { return new SparkAls(s, config, blocks); }

    @Override
    public FittedRecaller fit(TrainContext context) {
        if (spark == null)
            throw new IllegalStateException("recall model spark-als runs on Apache Spark: add engine=spark (and spark.master=local[2] on this machine)");
        Interactions train = context.train();
        Dataset<Row> pairs = Frames.pairs(spark, train, Math.max(1, defaultBlocks));
        int blocks = config.blocks() > 0 ? config.blocks() : Math.max(1, defaultBlocks);
        ALS als = new ALS().setImplicitPrefs(true).setRank(config.factors()).setMaxIter(config.iterations())
                .setRegParam(config.reg()).setAlpha(config.alpha()).setSeed(context.seed())
                .setNumUserBlocks(blocks).setNumItemBlocks(blocks)
                .setUserCol("u").setItemCol("i").setRatingCol("value").setColdStartStrategy("drop");
        ALSModel m = als.fit(pairs);
        int dim = config.factors();
        float[] users = factors(m.userFactors(), train.numUsers(), dim);
        float[] items = factors(m.itemFactors(), train.numItems(), dim);
        pairs.unpersist();
        return EmbeddingRecaller.exact(dim, users, items, null);
    }

    /** MLlib's (id, features) rows as one row-major array; ids without a row (no training pairs) stay zero. */
    private static float[] factors(Dataset<Row> f, int n, int dim) {
        float[] out = new float[n * dim];
        Iterator<Row> it = f.toLocalIterator();
        while (it.hasNext()) {
            Row r = it.next();
            int id = r.getInt(0);
            java.util.List<Float> v = r.getList(1);
            for (int d = 0; d < dim; d++) out[id * dim + d] = v.get(d);
        }
        return out;
    }

    @Override
    public String toString() { return "spark-als " + config; }
}
