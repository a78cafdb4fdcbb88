package io.reclab.recall.embedding;

import com.typesafe.config.ConfigFactory;
import io.reclab.ann.HnswParams;
import io.reclab.config.ConfigBlock;
import io.reclab.config.ConfigError;
import io.reclab.data.Csr;
import io.reclab.data.IdMap;
import io.reclab.data.Interactions;
import io.reclab.train.Init;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.*;

class EmbeddingRecallerTest {
    @Test
    void scoresAreDotProductsPlusBias() {
        // user (1, 2), items (3, 0), (0, -1), bias (0.5, 0.25): scores 1*3 + 0.5 = 3.5 and 2*(-1) + 0.25 = -1.75
        EmbeddingRecaller m = EmbeddingRecaller.exact(2, new float[]{1, 2}, new float[]{3, 0, 0, -1}, new float[]{0.5f, 0.25f});
        assertArrayEquals(new float[]{3.5f, -1.75f}, m.score(0), 1e-6f);
        assertArrayEquals(new int[]{1}, m.recall(0, 5, new int[]{0}));
    }

    @Test
    void blockScoresMatchBruteForceOnRandomVectors() {
        int d = 7, users = 9, items = 23;
        float[] u = Init.normal(users * d, 1, 1), v = Init.normal(items * d, 1, 2);
        EmbeddingRecaller m = EmbeddingRecaller.exact(d, u, v, null);
        int[] ids = {8, 0, 3, 3, 5};
        float[] out = new float[ids.length * items];
        m.scoreBlock(ids, 0, ids.length, out);
        for (int a = 0; a < ids.length; a++)
            for (int i = 0; i < items; i++) {
                double s = 0;
                for (int t = 0; t < d; t++) s += u[ids[a] * d + t] * v[i * d + t];
                assertEquals(s, out[a * items + i], 1e-5);
            }
    }

    @Test
    void hnswRetrievalAgreesWithExactAndQualityReportHasRunnerKeys() {
        int d = 8, users = 60, items = 800;
        SplittableRandom r = new SplittableRandom(3);
        int nnz = 600;
        int[] uu = new int[nnz], ii = new int[nnz];
        for (int t = 0; t < nnz; t++) { uu[t] = r.nextInt(users); ii[t] = r.nextInt(items); }
        Interactions train = new Interactions(uu, ii, new float[nnz], new long[nnz], IdMap.identity(users), IdMap.identity(items));
        EmbeddingRecaller m = new EmbeddingRecaller(d, Init.normal(users * d, 1, 4), Init.normal(items * d, 1, 5), null,
                new Retrieval("hnsw", HnswParams.DEFAULT), 2);
        Csr byUser = train.byUser();
        AnnQuality.Report rep = AnnQuality.measure(m, byUser, 10, 40, 7);
        assertEquals(40, rep.users());
        assertTrue(rep.recall() >= 0.9 && rep.recall() <= 1.0, "recall " + rep.recall());
        assertTrue(rep.annLatencyUs() > 0 && rep.exactLatencyUs() > 0);
        assertEquals(java.util.List.of("ann.recall@10", "ann.latency_us", "exact.latency_us"), java.util.List.copyOf(rep.extras().keySet()));
        // recall() goes through the index, excluding training items
        int[] ex = AnnQuality.distinctRow(byUser, 0);
        for (int x : m.recall(0, 10, ex)) assertTrue(java.util.Arrays.binarySearch(ex, x) < 0);
    }

    @Test
    void userSampleIsSeededSortedAndOnlyUsersWithItems() {
        // rows: user0 {1}, user1 {}, user2 {0, 2}, user3 {2}
        Interactions t = new Interactions(new int[]{0, 2, 2, 3}, new int[]{1, 0, 2, 2}, new float[4], new long[4],
                IdMap.identity(4), IdMap.identity(3));
        assertArrayEquals(new int[]{0, 2, 3}, AnnQuality.sampleUsers(t.byUser(), 4, 10, 1));
        int[] two = AnnQuality.sampleUsers(t.byUser(), 4, 2, 9);
        assertEquals(2, two.length);
        assertArrayEquals(two, AnnQuality.sampleUsers(t.byUser(), 4, 2, 9));
        assertTrue(two[0] < two[1] && two[0] != 1 && two[1] != 1);
    }

    @Test
    void retrievalConfig() {
        Retrieval def = Retrieval.from(new ConfigBlock(ConfigFactory.empty(), "recall.bpr"));
        assertEquals(Retrieval.EXACT, def);
        Retrieval h = Retrieval.from(new ConfigBlock(ConfigFactory.parseString("retrieval = hnsw, hnsw { m = 8, ef = 50 }"), "recall.bpr"));
        assertEquals(new Retrieval("hnsw", new HnswParams(8, 200, 50)), h);
        ConfigError e = assertThrows(ConfigError.class,
                () -> Retrieval.from(new ConfigBlock(ConfigFactory.parseString("retrieval = faiss"), "recall.bpr")));
        assertTrue(e.getMessage().contains("recall.bpr.retrieval") && e.getMessage().contains("hnsw"), e.getMessage());
        ConfigError t = assertThrows(ConfigError.class,
                () -> Retrieval.from(new ConfigBlock(ConfigFactory.parseString("hnsw { ef-constrution = 5 }"), "recall.bpr")));
        assertTrue(t.getMessage().contains("did you mean `ef-construction`"), t.getMessage());
    }
}
