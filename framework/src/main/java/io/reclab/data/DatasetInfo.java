package io.reclab.data;

/**
 * Provenance of a loaded dataset: its name, where it came from, a sha256 over the source files (in a fixed order),
 * and the counts after preprocessing.
 */
public record DatasetInfo(String name, String source, String sha256, int users, int items, int interactions) {
    public DatasetInfo withCounts(Interactions x) {
        return new DatasetInfo(name, source, sha256, x.numUsers(), x.numItems(), x.size());
    }
}
