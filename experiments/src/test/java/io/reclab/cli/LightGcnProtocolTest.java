package io.reclab.cli;

import io.reclab.run.RunFiles;
import io.reclab.run.RunRecord;
import io.reclab.run.RunStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The shipped {@code lightgcn-protocol} experiment end to end on a small folder in LightGCN text format: the
 * published split is used as is, every listed model runs with embedding size 64, only Recall@20 and NDCG@20 are
 * reported, training items are excluded from the rankings, and Popularity's numbers equal a brute-force computation
 * of the protocol written here independently.
 */
class LightGcnProtocolTest {
    private static final int USERS = 48, ITEMS = 36, CLUSTERS = 3;

    @TempDir
    Path tmp;

    /** Per-user train and test item sets: each user takes 9 items of its own cluster and 1 random item. */
    private static final class Folder {
        final List<TreeSet<Integer>> train = new ArrayList<>(), test = new ArrayList<>();
        int trainRows, testRows;

        Folder(long seed) {
            SplittableRandom r = new SplittableRandom(seed);
            int per = ITEMS / CLUSTERS;
            for (int u = 0; u < USERS; u++) {
                int c = u % CLUSTERS;
                TreeSet<Integer> all = new TreeSet<>();
                while (all.size() < 9) all.add(c * per + r.nextInt(per));
                all.add(r.nextInt(ITEMS));
                List<Integer> shuffled = new ArrayList<>(all);
                for (int k = shuffled.size() - 1; k > 0; k--) {
                    int j = r.nextInt(k + 1);
                    Integer t = shuffled.get(k); shuffled.set(k, shuffled.get(j)); shuffled.set(j, t);
                }
                int nTest = u % 4 == 0 ? 0 : 2; // some users have no test items: they must be skipped
                train.add(new TreeSet<>(shuffled.subList(nTest, shuffled.size())));
                test.add(new TreeSet<>(shuffled.subList(0, nTest)));
                trainRows += shuffled.size() - nTest;
                testRows += nTest;
            }
        }

        void write(Path dir) throws IOException {
            Files.createDirectories(dir);
            StringBuilder tr = new StringBuilder(), te = new StringBuilder();
            for (int u = 0; u < USERS; u++) {
                tr.append(u);
                for (int i : train.get(u)) tr.append(' ').append(i);
                tr.append('\n');
                te.append(u);
                for (int i : test.get(u)) te.append(' ').append(i);
                te.append('\n');
            }
            Files.writeString(dir.resolve("train.txt"), tr.toString());
            Files.writeString(dir.resolve("test.txt"), te.toString());
        }

        /**
         * Popularity under the protocol, computed directly: items ranked by training count (ties by smaller id),
         * the user's training items removed, top 20; Recall@20 = hits / |T_u|; NDCG@20 = DCG / IDCG with
         * DCG = Σ rel_i / log2(i + 1) and IDCG over min(|T_u|, 20) positions; means over users with test items.
         */
        double[] popularityRecallNdcg() {
            int[] count = new int[ITEMS];
            for (TreeSet<Integer> s : train) for (int i : s) count[i]++;
            Integer[] order = new Integer[ITEMS];
            for (int i = 0; i < ITEMS; i++) order[i] = i;
            java.util.Arrays.sort(order, (a, b) -> count[a] != count[b] ? Integer.compare(count[b], count[a]) : Integer.compare(a, b));
            double recall = 0, ndcg = 0;
            int users = 0;
            for (int u = 0; u < USERS; u++) {
                if (test.get(u).isEmpty()) continue;
                users++;
                int rank = 0, hits = 0;
                double dcg = 0;
                for (int i : order) {
                    if (train.get(u).contains(i)) continue;
                    rank++;
                    if (rank > 20) break;
                    if (test.get(u).contains(i)) { hits++; dcg += 1 / (Math.log(rank + 1) / Math.log(2)); }
                }
                double idcg = 0;
                for (int p = 1; p <= Math.min(20, test.get(u).size()); p++) idcg += 1 / (Math.log(p + 1) / Math.log(2));
                recall += hits / (double) test.get(u).size();
                ndcg += dcg / idcg;
            }
            return new double[]{recall / users, ndcg / users, users};
        }
    }

    @Test
    void protocolRunsEveryModelOnThePublishedSplitWithRecallAndNdcgAt20() throws IOException {
        Folder f = new Folder(5);
        Path data = tmp.resolve("tiny-lightgcn");
        f.write(data);
        Path runs = tmp.resolve("runs");
        ByteArrayOutputStream o = new ByteArrayOutputStream(), e = new ByteArrayOutputStream();
        int code = ReclabCli.execute(new String[]{"run", "lightgcn-protocol", "--runs", runs.toString(),
                        "dataset.path=" + data, "recall.lightgcn.epochs=3", "recall.lightgcn.batch-size=64",
                        "recall.bpr.epochs=3", "recall.bpr.batch-size=64", "recall.item2vec.epochs=1",
                        "recall.als.iterations=2", "threads=1"},
                new PrintStream(o, true, StandardCharsets.UTF_8), new PrintStream(e, true, StandardCharsets.UTF_8));
        String out = o.toString(StandardCharsets.UTF_8) + e.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, out);

        Path dir;
        try (Stream<Path> s = Files.list(runs.resolve("lightgcn-protocol"))) {
            List<Path> l = s.toList();
            assertEquals(1, l.size());
            dir = l.get(0);
        }
        List<RunRecord> recs = RunStore.readAll(dir);
        Map<String, RunRecord> byModel = new HashMap<>();
        for (RunRecord r : recs) byModel.put(r.model(), r);
        assertEquals(java.util.Set.of("pop", "itemcf", "bpr", "lightgcn", "item2vec", "als"), byModel.keySet());

        double[] pop = f.popularityRecallNdcg();
        for (RunRecord r : recs) {
            assertEquals(RunFiles.STATUS_COMPLETED, r.status(), r.model() + ": " + r.error());
            // the predefined split, row for row
            // train.txt row for row, a seeded 10% of each user's rows carved out for validation
            assertEquals(f.trainRows, r.split().train() + r.split().valid());
            assertTrue(r.split().valid() > 0, "validation carved from train.txt");
            assertTrue(r.selection().refit(), r.model() + ": the protocol refits on all of train.txt");
            // an iterative model is refit for the epoch count chosen on validation; the others as configured
            if (r.selection().bestEpoch() != null && r.params().containsKey("epochs"))
                assertEquals(r.selection().bestEpoch(), r.selection().refitEpochs(), r.model());
            if (r.model().equals("pop")) assertNull(r.selection().refitEpochs());
            assertEquals(f.testRows, r.split().test());
            // full ranking, training items excluded, only @20, users without test items skipped
            assertEquals("full", r.evaluation().mode());
            assertTrue(r.evaluation().excludeTrain());
            assertEquals(List.of(20), r.evaluation().ks());
            assertEquals((int) pop[2], r.evaluation().evaluatedUsers());
            assertEquals(java.util.Set.of("recall@20", "ndcg@20"), r.test().get("recall").keySet(), r.model());
            for (double v : r.test().get("recall").values()) assertTrue(v >= 0 && v <= 1, r.model() + " " + v);
            if (!r.model().equals("pop") && !r.model().equals("itemcf"))
                assertEquals(64, r.params().get("factors"), r.model() + " embedding size");
        }
        assertEquals(1, byModel.get("lightgcn").params().get("refresh-every"), "official per-batch propagation");
        assertEquals(pop[0], byModel.get("pop").test().get("recall").get("recall@20"), 1e-9);
        assertEquals(pop[1], byModel.get("pop").test().get("recall").get("ndcg@20"), 1e-9);
        // the clusters are easy: neighbourhood CF must beat popularity even on this tiny folder
        assertTrue(byModel.get("itemcf").test().get("recall").get("ndcg@20") > pop[1], out);
    }
}
