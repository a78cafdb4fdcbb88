package io.reclab.recall.fmrecall;

import io.reclab.data.FeatureTable;
import io.reclab.data.Interactions;
import io.reclab.data.loader.MovieLens100kLoader;
import io.reclab.recall.FittedRecaller;
import io.reclab.recall.Recaller;
import io.reclab.recall.TrainContext;
import io.reclab.recall.item2vec.Item2Vec;
import io.reclab.recall.item2vec.Item2VecConfig;
import io.reclab.recall.twotower.TwoTower;
import io.reclab.recall.twotower.TwoTowerConfig;
import io.reclab.run.TrainingLog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Not a unit test: times one training epoch of fm-recall, item2vec and twotower on MovieLens-100K (u.data only,
 * no side features), for 1 and 2 threads. Run with
 * {@code java -cp <test classpath> io.reclab.recall.fmrecall.NeuralRecallBenchmark [path-to-ml-100k]}.
 */
public final class NeuralRecallBenchmark {
    public static void main(String[] args) throws IOException {
        Path dir = locate(args);
        if (dir == null) {
            System.out.println("ml-100k not found (system property reclab.ml100k, env RECLAB_ML100K, ../shared/data/ml-100k); skipping");
            return;
        }
        // the framework's loader, for the interaction log only (side features are left out on purpose)
        Interactions data = new MovieLens100kLoader(new MovieLens100kLoader.Config("ml-100k", dir)).load().interactions();
        System.out.println(data + ", " + Runtime.getRuntime().availableProcessors() + " cores");
        FeatureTable nu = FeatureTable.empty(data.numUsers()), ni = FeatureTable.empty(data.numItems());
        Item2VecConfig i2v = Item2VecConfig.defaults();
        i2v = new Item2VecConfig(i2v.factors(), i2v.window(), i2v.negatives(), i2v.sample(), 1, i2v.learningRate(),
                i2v.history(), i2v.similarity(), i2v.priorWeight(), i2v.sideInfo(), i2v.numericBuckets(), i2v.stopping(), i2v.retrieval());
        FmRecallConfig fm = FmRecallConfig.defaults();
        fm = new FmRecallConfig(fm.factors(), fm.loss(), fm.negatives(), 1, fm.stopping(), fm.initStd(), fm.numericBuckets(),
                fm.optimizer(), fm.retrieval());
        TwoTowerConfig tt = TwoTowerConfig.defaults();
        tt = new TwoTowerConfig(tt.embeddingDim(), tt.hidden(), tt.outputDim(), tt.userId(), tt.history(), tt.normalize(),
                tt.temperature(), tt.logqCorrection(), tt.batchSize(), 1, tt.stopping(), tt.initStd(), tt.numericBuckets(), tt.optimizer(),
                tt.retrieval());
        List<Object[]> runs = new ArrayList<>();
        runs.add(new Object[]{"fm-recall (bpr, k=32)", new FmRecall(fm)});
        runs.add(new Object[]{"item2vec (window 20, d=64)", new Item2Vec(i2v)});
        runs.add(new Object[]{"twotower (32/[64]/32, B=128)", new TwoTower(tt)});
        for (Object[] r : runs) {
            for (int threads : new int[]{1, 2}) {
                Recaller rec = (Recaller) r[1];
                // warm-up fit so that the timed one runs JIT-compiled code
                rec.fit(new TrainContext(data, data.empty(), nu, ni, 1, threads, null, null));
                TrainingLog log = new TrainingLog();
                long t0 = System.nanoTime();
                FittedRecaller m = rec.fit(new TrainContext(data, data.empty(), nu, ni, 1, threads, log, null));
                double s = (System.nanoTime() - t0) / 1e9;
                System.out.printf("%-36s threads=%d  one epoch (incl. snapshot) %.2f s  loss %.4f  items=%d%n",
                        r[0], threads, s, log.series().get("loss").get(0).value(), m.numItems());
            }
        }
    }

    static Path locate(String[] args) {
        List<String> c = new ArrayList<>();
        if (args.length > 0) c.add(args[0]);
        if (System.getProperty("reclab.ml100k") != null) c.add(System.getProperty("reclab.ml100k"));
        if (System.getenv("RECLAB_ML100K") != null) c.add(System.getenv("RECLAB_ML100K"));
        c.add("../shared/data/ml-100k");
        c.add("../../shared/data/ml-100k");
        c.add("/work/shared/data/ml-100k");
        for (String s : c) if (Files.isRegularFile(Path.of(s, "u.data"))) return Path.of(s);
        return null;
    }
}
