package io.reclab.bench.data;

import io.reclab.bench.fixtures.VectorBench;
import io.reclab.data.Dataset;
import io.reclab.data.loader.MovieLensCsvLoader;
import io.reclab.data.preprocess.Preprocessing;
import io.reclab.data.preprocess.Preprocessor;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalDouble;
import java.util.SplittableRandom;

/**
 * Loading a MovieLens {@code ratings.csv} ({@link #load}: parse, id indexing, columnar log, sha256 of the file) and
 * the 5-core filter that usually follows it ({@link #fiveCore}, on the loaded data set). Setup writes a synthetic
 * file of {@code rows} ratings to a temporary directory, removed at teardown: users in MovieLens-20M's proportion
 * to rows, 27,278 movies with a skewed popularity, half-star ratings, 1996-2008 timestamps. The file sits in the
 * OS page cache after the first load, so this times parsing, not the disk. MovieLens-20M is
 * {@code -p rows=20000263} (a 0.5 GB file, several gigabytes of heap).
 */
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class LoadBench extends VectorBench {
    private static final int MOVIES = 27_278;
    private static final long ML20M_ROWS = 20_000_263L;
    private static final int ML20M_USERS = 138_493;

    @Param("1000000")
    public long rows;

    private Path dir;
    private MovieLensCsvLoader loader;
    private Dataset loaded;
    private Preprocessing fiveCore;

    @Setup
    public void setup() throws IOException {
        dir = Files.createTempDirectory("reclab-loadbench");
        writeRatings(dir.resolve("ratings.csv"));
        loader = new MovieLensCsvLoader(new MovieLensCsvLoader.Config("bench", dir));
        loaded = loader.load();
        fiveCore = new Preprocessing(OptionalDouble.empty(), false, 5, 5, Preprocessing.Dedupe.NONE);
    }

    private void writeRatings(Path f) throws IOException {
        long users = Math.max(1, Math.round((double) ML20M_USERS * rows / ML20M_ROWS));
        SplittableRandom r = new SplittableRandom(1);
        try (BufferedWriter w = Files.newBufferedWriter(f)) {
            w.write(MovieLensCsvLoader.RATINGS_HEADER + "\n");
            for (long k = 0; k < rows; k++) {
                long u = 1 + k * users / rows;
                double x = r.nextDouble();
                int movie = 1 + (int) (MOVIES * x * x * x);
                double stars = (1 + r.nextInt(10)) / 2.0;
                long time = 820_000_000L + r.nextInt(400_000_000);
                w.write(u + "," + movie + "," + stars + "," + time + "\n");
            }
        }
    }

    @TearDown
    public void tearDown() throws IOException {
        Files.deleteIfExists(dir.resolve("ratings.csv"));
        Files.deleteIfExists(dir);
    }

    @Benchmark
    public Dataset load() throws IOException {
        return loader.load();
    }

    @Benchmark
    public Dataset fiveCore() {
        return Preprocessor.apply(loaded, fiveCore);
    }
}
