package io.reclab.bench;

import io.reclab.run.AtomicFiles;
import io.reclab.run.Json;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Writes a benchmark's figures as {@code bench.json} (the whole {@link BenchResult}) and {@code bench.csv} (one row
 * per model and phase, with the machine on every row so files from several machines can be concatenated). Each
 * file is written to a temporary name and renamed, so an interrupted run never leaves half a file.
 */
public final class BenchFiles {
    public static final String JSON = "bench.json";
    public static final String CSV = "bench.csv";
    static final String HEADER = "experiment,model,phase,repeats,median_s,min_s,max_s,cpu_s,peak_heap_mb,epochs,s_per_epoch,"
            + "ndcg_at_k,recall_at_k,k,users,items,interactions,threads,cores,memory_gb,jvm";

    private BenchFiles() {}

    public static void write(Path dir, BenchResult r) throws IOException {
        Json.writeAtomic(dir.resolve(JSON), r);
        AtomicFiles.writeString(dir.resolve(CSV), csv(r));
    }

    public static String csv(BenchResult r) {
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        for (BenchRow row : r.rows()) {
            sb.append(String.join(",", field(r.experiment()), field(row.model()), row.phase(), Integer.toString(row.repeats()),
                    num(row.medianSeconds()), num(row.minSeconds()), num(row.maxSeconds()), num(row.medianCpuSeconds()),
                    num(row.peakHeapBytes() / 1e6), Integer.toString(row.epochs()), num(row.perEpochSeconds()),
                    num(row.ndcg()), num(row.recall()), Integer.toString(r.settings().k()), Integer.toString(r.users()),
                    Integer.toString(r.items()), Long.toString(r.interactions()), Integer.toString(r.threads()),
                    Integer.toString(r.machine().cores()), num(r.machine().physicalMemoryBytes() / 1e9), field(r.machine().jvm())))
                    .append('\n');
        }
        return sb.toString();
    }

    private static String num(double x) {
        return Double.isNaN(x) ? "" : String.format(Locale.ROOT, "%.6g", x);
    }

    /** RFC 4180: quoted when it holds a comma, quote or line break, with quotes doubled. */
    static String field(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) return s;
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
