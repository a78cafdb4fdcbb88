package io.reclab.data.loader;

import io.reclab.data.Dataset;
import io.reclab.data.preprocess.Preprocessing;
import io.reclab.data.preprocess.Preprocessor;

import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalDouble;
import java.util.SplittableRandom;

/**
 * Not a unit test: a hand-run timing harness for loading an ml-20m-sized {@code ratings.csv}.
 * {@code java -cp ... io.reclab.data.loader.LoadBenchmark <dir> [rows]} writes {@code <dir>/ratings.csv} once
 * (138k users, 27k items, Zipf-ish items) and times three loads and a 5-core preprocessing pass.
 */
public final class LoadBenchmark {
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        long rows = args.length > 1 ? Long.parseLong(args[1]) : 20_000_263L;
        Path f = dir.resolve("ratings.csv");
        if (!Files.exists(f)) {
            Files.createDirectories(dir);
            SplittableRandom r = new SplittableRandom(1);
            try (BufferedWriter w = Files.newBufferedWriter(f)) {
                w.write("userId,movieId,rating,timestamp\n");
                for (long k = 0; k < rows; k++) {
                    int u = 1 + (int) (k * 138_493L / rows);
                    int i = 1 + (int) Math.floor(27_278 * Math.pow(r.nextDouble(), 3));
                    w.write(u + "," + i + "," + (1 + r.nextInt(10)) / 2.0 + "," + (789_652_009L + r.nextInt(400_000_000)) + "\n");
                }
            }
        }
        System.out.printf("file %.0f MB, %d cores%n", Files.size(f) / 1e6, Runtime.getRuntime().availableProcessors());
        for (int rep = 0; rep < 3; rep++) {
            long t0 = System.nanoTime();
            Dataset ds = new MovieLensCsvLoader(new MovieLensCsvLoader.Config("bench", dir)).load();
            long t1 = System.nanoTime();
            System.out.printf("load %d rows, %d users, %d items: %.2f s (sha %s...)%n", ds.info().interactions(),
                    ds.info().users(), ds.info().items(), (t1 - t0) / 1e9, ds.info().sha256().substring(0, 12));
            if (rep == 2) {
                Dataset core = Preprocessor.apply(ds, new Preprocessing(OptionalDouble.empty(), false, 5, 5, Preprocessing.Dedupe.NONE));
                System.out.printf("5-core: %d rows in %.2f s%n", core.info().interactions(), (System.nanoTime() - t1) / 1e9);
            }
        }
    }
}
