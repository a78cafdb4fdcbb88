package io.reclab.bench;

import java.util.List;

/**
 * A benchmark run: which experiment (its data shape), the machine, the settings and every measured row.
 *
 * @param dataset   the dataset's description (its name and, for synthetic logs, the generator's parameters)
 * @param loadSeconds time to load or generate the log and split it
 * @param peakRssBytes the process's peak resident memory at the end of the run (VmHWM; -1 where unknown)
 */
public record BenchResult(String experiment, String dataset, int users, int items, long interactions, int trainRows,
                          int testUsers, Machine machine, BenchSettings settings, int threads, double loadSeconds,
                          List<BenchRow> rows, long peakRssBytes, String started) {
}
