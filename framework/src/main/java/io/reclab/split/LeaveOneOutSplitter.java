package io.reclab.split;

import io.reclab.data.Dataset;
import io.reclab.data.Interactions;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * Leave-one-out: per user, the latest interaction by time (ties broken by the later log row) goes to test and,
 * with {@code valid}, the next latest to validation. A user needs at least 2 interactions (3 with validation) to be
 * split, so that train keeps at least one; users with fewer stay entirely in train. Deterministic: the generator
 * is not used.
 *
 * @see <a href="https://doi.org/10.1145/3038912.3052569">He et al., 2017, Neural Collaborative Filtering, WWW</a>
 * for the protocol.
 */
public final class LeaveOneOutSplitter implements Splitter {
    /** @param valid also hold out the second latest interaction for validation; default true */
    public record Settings(boolean valid) {}

    private final Settings settings;

    public LeaveOneOutSplitter(Settings settings) { this.settings = settings; }

    @Override
    public SplitResult split(Dataset dataset, RandomGenerator rng) {
        Interactions x = dataset.interactions();
        byte[] part = new byte[x.size()];
        // stable time order: among equal times the later row counts as later
        RowOrder.Groups g = RowOrder.groupByUser(RowOrder.byTime(x.timeColumn()), x.userColumn(), x.numUsers());
        int need = settings.valid() ? 3 : 2;
        for (int u = 0; u < x.numUsers(); u++) {
            if (g.size(u) < need) continue;
            int last = g.end(u) - 1;
            part[g.rows()[last]] = Dataset.TEST;
            if (settings.valid()) part[g.rows()[last - 1]] = Dataset.VALID;
        }
        return fromParts(x, part);
    }

    /** The split whose row {@code r} goes to part {@code part[r]} (as {@link #split} assigns them), with its protocol line. */
    public SplitResult fromParts(Interactions x, byte[] part) {
        return Parts.build(x, part, "leave-one-out by time per user" + (settings.valid() ? " (+1 validation)" : ""));
    }

    public Settings settings() { return settings; }
}
