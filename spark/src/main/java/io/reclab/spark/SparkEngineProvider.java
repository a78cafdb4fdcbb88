package io.reclab.spark;

import io.reclab.config.ConfigBlock;
import io.reclab.engine.Engine;
import io.reclab.engine.EngineProvider;
import io.reclab.spark.recall.SparkAls;
import io.reclab.spark.recall.SparkAlsConfig;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

import java.util.Map;

/** Registers {@code engine = spark} and the recall model {@code spark-als} (found by {@link java.util.ServiceLoader}). */
public final class SparkEngineProvider implements EngineProvider {
    public static final String NAME = "spark";

    @Override public String name() { return NAME; }

    @Override
    public String description() {
        return "Apache Spark: data preparation, ItemCF's similarity job, MLlib ALS and full-ranking evaluation as Spark jobs";
    }

    @Override
    public EngineSettings settings(ConfigBlock block) { return SparkSettings.from(block); }

    @Override
    public Engine open(EngineSettings settings, int threads) {
        SparkSettings s = (SparkSettings) settings;
        SparkConf given = new SparkConf(); // what spark-submit passed (spark.* system properties)
        String master = s.master() != null ? s.master() : given.contains("spark.master") ? given.get("spark.master") : "local[*]";
        SparkSession.Builder b = SparkSession.builder().appName(s.appName()).master(master)
                .config("spark.ui.showConsoleProgress", "false");
        if (master.startsWith("local")) {
            // a laptop: no web UI, loopback only
            b.config("spark.ui.enabled", "false").config("spark.driver.host", "localhost")
                    .config("spark.driver.bindAddress", "127.0.0.1");
        }
        for (Map.Entry<String, String> e : s.conf().entrySet()) b.config(e.getKey(), e.getValue());
        SparkSession spark = b.getOrCreate();
        int shuffle = s.shufflePartitions() > 0 ? s.shufflePartitions() : 2 * spark.sparkContext().defaultParallelism();
        if (!s.conf().containsKey("spark.sql.shuffle.partitions"))
            spark.conf().set("spark.sql.shuffle.partitions", String.valueOf(shuffle));
        spark.sparkContext().setLogLevel("WARN");
        return new SparkEngine(spark, s);
    }

    @Override
    public Map<String, Registered> recallers() {
        return Map.of("spark-als", new Registered("Spark MLlib implicit ALS (Hu, Koren, Volinsky 2008) as a recall channel; needs engine=spark",
                block -> new SparkAls(null, SparkAlsConfig.from(block), 1)));
    }
}
