package io.reclab.run;

import io.reclab.data.IdMap;
import io.reclab.metric.MetricResult;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes per-user metric values ({@code user,n_train,<metric>...}) so reports can run paired significance tests
 * and bucket results by user activity. User ids are external ids, quoted when they contain a comma or quote.
 */
public final class PerUserCsv {
    private PerUserCsv() {}

    public static void write(Path file, int[] users, IdMap userIds, int[] trainCounts, Map<String, MetricResult> results)
            throws IOException {
        List<MetricResult> cols = new ArrayList<>();
        for (MetricResult r : results.values()) if (r.perUser() != null) cols.add(r);
        StringBuilder sb = new StringBuilder(64 + users.length * (16 + 12 * cols.size()));
        sb.append("user,n_train");
        for (MetricResult r : cols) sb.append(',').append(r.id());
        sb.append('\n');
        for (int i = 0; i < users.length; i++) {
            sb.append(csv(userIds.external(users[i]))).append(',').append(trainCounts[users[i]]);
            for (MetricResult r : cols) sb.append(',').append(String.format(Locale.ROOT, "%.6g", r.perUser()[i]));
            sb.append('\n');
        }
        AtomicFiles.writeString(file, sb.toString());
    }

    static String csv(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0) return s;
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
