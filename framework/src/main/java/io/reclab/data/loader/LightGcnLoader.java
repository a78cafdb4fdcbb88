package io.reclab.data.loader;

import io.reclab.data.Dataset;
import io.reclab.data.DatasetInfo;
import io.reclab.data.DatasetLoader;
import io.reclab.data.FeatureTable;
import io.reclab.data.IdMap;
import io.reclab.data.Interactions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The text format of the LightGCN reference code (He et al., 2020, "LightGCN: Simplifying and Powering Graph
 * Convolution Network for Recommendation", SIGIR): {@code <path>/train.txt} and {@code <path>/test.txt}, one line per
 * user, {@code user item item ...} separated by spaces (a user may list no items; blank lines are skipped). Rows
 * form the predefined split TRAIN/TEST; value 1, time = row index.
 * <p>External ids are the number strings. When every id is a non-negative integer, dense id = that integer and the
 * id space is {@code 0..max} (as the reference code counts {@code n_users = max + 1}), so results line up with
 * published numbers; an id never mentioned then is a user/item with no rows. This applies only while the space
 * stays at most twice the number of distinct ids, to keep a stray huge id from allocating a huge catalogue;
 * otherwise, and for non-numeric ids, dense ids follow first-seen order.
 */
public final class LightGcnLoader implements DatasetLoader {
    /** Typed config: dataset name (provenance) and the folder holding the files. */
    public record Config(String name, Path path) {}

    private final Config config;

    public LightGcnLoader(Config config) { this.config = config; }

    @Override
    public Dataset load() throws IOException {
        Path dir = config.path();
        Sources src = new Sources();
        IdIndexer users = new IdIndexer(), items = new IdIndexer();
        LogBuilder log = new LogBuilder();
        read(src, dir.resolve("train.txt"), users, items, log, Dataset.TRAIN);
        read(src, dir.resolve("test.txt"), users, items, log, Dataset.TEST);
        int[] um = identityMap(users), im = identityMap(items);
        log.remap(um, im);
        IdMap userMap = um != null ? IdMap.identity(maxKey(users) + 1) : users.build();
        IdMap itemMap = im != null ? IdMap.identity(maxKey(items) + 1) : items.build();
        Interactions x = log.build(userMap, itemMap);
        DatasetInfo info = new DatasetInfo(config.name(), dir.toString(), src.sha256(), x.numUsers(), x.numItems(), x.size());
        return new Dataset(info, x, FeatureTable.empty(x.numUsers()), FeatureTable.empty(x.numItems()), log.parts());
    }

    private static void read(Sources src, Path file, IdIndexer users, IdIndexer items, LogBuilder log, byte part) throws IOException {
        Fields f = new Fields(" ");
        try (LineReader r = new LineReader(src.open(file, "LightGCN lines `user item item ...` separated by spaces"))) {
            while (r.next()) {
                if (r.isBlank()) continue;
                int k = f.split(r);
                int first = 0;
                while (first < k && f.isEmpty(first)) first++;
                int u = users.add(f, first, StandardCharsets.UTF_8);
                for (int j = first + 1; j < k; j++) {
                    if (f.isEmpty(j)) continue; // repeated or trailing spaces
                    log.add(u, items.add(f, j, StandardCharsets.UTF_8), 1f, log.size(), part);
                }
            }
        }
    }

    private static int maxKey(IdIndexer ids) {
        long max = -1;
        for (int d = 0; d < ids.size(); d++) max = Math.max(max, ids.numericKey(d));
        return (int) max;
    }

    /** Dense → numeric id when the numeric space qualifies (see class doc), else null. */
    static int[] identityMap(IdIndexer ids) {
        if (!ids.allNumeric() || ids.size() == 0) return null;
        long max = -1;
        for (int d = 0; d < ids.size(); d++) max = Math.max(max, ids.numericKey(d));
        if (max + 1 > 2L * ids.size()) return null;
        int[] m = new int[ids.size()];
        for (int d = 0; d < m.length; d++) m[d] = (int) ids.numericKey(d);
        return m;
    }
}
