package io.reclab.spark.recall;

import io.reclab.data.Csr;
import io.reclab.data.Interactions;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

import java.util.ArrayList;
import java.util.List;

/** Training parts as Spark DataFrames for the models MLlib fits. */
final class Frames {
    private Frames() {}

    /** The distinct (user, item) pairs of {@code x} with value 1, as {@code (u, i, value)}, in {@code partitions} slices. */
    static Dataset<Row> pairs(SparkSession spark, Interactions x, int partitions) {
        Csr c = x.byUser();
        List<Row> rows = new ArrayList<>(c.indices.length);
        for (int u = 0; u < c.rows; u++) {
            int prev = -1;
            for (int p = c.rowStart(u); p < c.rowEnd(u); p++) {
                int i = c.indices[p];
                if (i == prev) continue;
                rows.add(RowFactory.create(u, i, 1f));
                prev = i;
            }
        }
        StructType schema = new StructType().add("u", DataTypes.IntegerType, false).add("i", DataTypes.IntegerType, false)
                .add("value", DataTypes.FloatType, false);
        return spark.createDataFrame(rows, schema).repartition(partitions).persist(StorageLevel.MEMORY_AND_DISK());
    }
}
