package io.reclab.eval;

/**
 * Everything ranking metrics read, computed once per evaluated model: for each evaluated user (those with at
 * least one test item) the recommended list (best first, length up to the largest K asked for) and the sorted
 * relevant test items. Metrics never re-score.
 *
 * @param users          dense ids of evaluated users, ascending
 * @param ranked         ranked[i] = recommended item ids for users[i], best first
 * @param relevant       relevant[i] = test items of users[i], ascending, non-empty
 * @param numItems       catalogue size (for coverage)
 * @param itemPopularity number of training interactions per item (for average popularity)
 * @param skippedUsers   users with no test items, not evaluated (reported, as RecBole does)
 * @param sampled        true when lists were ranked among sampled negatives rather than all items
 */
public record RankingContext(int[] users, int[][] ranked, int[][] relevant, int numItems, int[] itemPopularity,
                             int skippedUsers, boolean sampled) {
    public RankingContext {
        if (ranked.length != users.length || relevant.length != users.length)
            throw new IllegalArgumentException("users, ranked and relevant must have the same length");
    }

    public int size() { return users.length; }
}
