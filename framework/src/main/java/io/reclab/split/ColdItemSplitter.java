package io.reclab.split;

import io.reclab.data.Dataset;
import io.reclab.data.Interactions;

import java.util.Arrays;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * The new-item (item cold-start) protocol: items are ordered by the time they were first interacted with, and the
 * latest {@code cold-ratio} of them are new items. Every interaction with a new item is held out: each goes to
 * validation with probability {@code valid-share}, else to test (seeded). Training keeps every interaction with the
 * older items, so a model has never seen a new item when it is asked to recommend it, and test recall is new-item
 * recall. Ranking stays over the full catalogue: a model must surface a new item against everything a user has not
 * seen. Ties in first-seen time are broken by the item's dense id.
 */
public final class ColdItemSplitter implements Splitter {
    /**
     * @param coldRatio  share of the items (those with at least one interaction) that are new, in (0, 1)
     * @param validShare share of new-item interactions that go to validation, in [0, 1)
     */
    public record Settings(double coldRatio, double validShare) {
        public Settings {
            if (!(coldRatio > 0 && coldRatio < 1)) throw new IllegalArgumentException("cold-ratio must be in (0, 1), got " + coldRatio);
            if (!(validShare >= 0 && validShare < 1)) throw new IllegalArgumentException("valid-share must be in [0, 1), got " + validShare);
        }
    }

    private final Settings settings;

    public ColdItemSplitter(Settings settings) { this.settings = settings; }

    /** Per item whether it is among the {@code coldRatio} first seen last (false for items without interactions). */
    public static boolean[] coldItems(Interactions x, double coldRatio) {
        int ni = x.numItems();
        long[] first = new long[ni];
        Arrays.fill(first, Long.MAX_VALUE);
        boolean[] seen = new boolean[ni];
        for (int r = 0; r < x.size(); r++) {
            first[x.item(r)] = Math.min(first[x.item(r)], x.time(r));
            seen[x.item(r)] = true;
        }
        int n = 0;
        for (boolean b : seen) if (b) n++;
        Integer[] items = new Integer[n];
        for (int i = 0, k = 0; i < ni; i++) if (seen[i]) items[k++] = i;
        Arrays.sort(items, (a, b) -> first[a] != first[b] ? Long.compare(first[a], first[b]) : Integer.compare(a, b));
        int cold = (int) Math.round(n * coldRatio);
        boolean[] out = new boolean[ni];
        for (int k = n - cold; k < n; k++) out[items[k]] = true;
        return out;
    }

    @Override
    public SplitResult split(Dataset dataset, RandomGenerator rng) {
        Interactions x = dataset.interactions();
        boolean[] cold = coldItems(x, settings.coldRatio());
        byte[] part = new byte[x.size()];
        int nCold = 0;
        long cut = Long.MAX_VALUE;
        for (int r = 0; r < x.size(); r++) {
            if (!cold[x.item(r)]) continue;
            part[r] = rng.nextDouble() < settings.validShare() ? Dataset.VALID : Dataset.TEST;
            cut = Math.min(cut, x.time(r));
        }
        for (boolean c : cold) if (c) nCold++;
        return Parts.build(x, part, "cold items: the " + Parts.pct(settings.coldRatio()) + "% of items first seen last ("
                + nCold + " items, first seen from time " + cut + ") held out, " + Parts.pct(settings.validShare())
                + "% of their interactions to valid, the rest to test");
    }
}
