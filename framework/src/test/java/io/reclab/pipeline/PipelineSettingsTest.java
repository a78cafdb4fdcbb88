package io.reclab.pipeline;

import com.typesafe.config.ConfigFactory;
import io.reclab.config.ConfigBlock;
import io.reclab.config.ConfigError;
import io.reclab.metric.RankingMetric;
import io.reclab.metric.ranking.RankingMetrics;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class PipelineSettingsTest {
    private static final List<String> RECALL = List.of("pop", "itemcf", "usercf", "als");
    private static final List<String> RANK = List.of("lr", "fm", "deepfm");

    private static PipelineSettings parse(String hocon) {
        return PipelineSettings.parse(new ConfigBlock(ConfigFactory.parseString(hocon), "pipeline"), "p", RECALL, RANK,
                List.of(10, 20));
    }

    private static final String MIN = "channels = [ { model = itemcf }, { model = usercf, quota = 50 } ], rank { model = fm }";

    @Test
    void defaults() {
        PipelineSettings s = parse(MIN);
        assertEquals(List.of("itemcf", "usercf"), s.sources());
        assertArrayEquals(new int[]{100, 50}, s.quotas());
        assertEquals(150, s.maxCandidates());
        assertEquals(150, s.mergeSize());
        assertEquals(List.of(10, 20), s.ks());
        assertEquals("p", s.name());
        assertEquals(PipelineSettings.Strategy.QUOTA, s.merge().strategy());
        PipelineSettings.Rank r = s.rank();
        assertEquals("fm", r.model());
        assertEquals(PipelineSettings.Negatives.CANDIDATES, r.negatives());
        assertEquals(PipelineSettings.DEFAULT_RATIO, r.ratio());
        assertEquals(PipelineSettings.Holdout.AUTO, r.holdout());
        assertTrue(r.overrides().isEmpty());
        assertFalse(s.channels().get(0).overridden());
    }

    @Test
    void channelAndRankerOverridesAreKeptApart() {
        PipelineSettings s = parse("channels = [ { model = als, quota = 20, retrieval = hnsw } ], merge { strategy = round-robin, size = 15 },"
                + " rank { model = lr, learning-rate = 0.5, ratio = 0, holdout = fold, holdout-fraction = 0.3, history = 0 }, final-k = [5]");
        assertTrue(s.channels().get(0).overridden());
        assertEquals("hnsw", s.channels().get(0).overrides().getString("retrieval"));
        assertFalse(s.channels().get(0).overrides().hasPath("quota"));
        assertEquals(15, s.mergeSize());
        assertEquals(PipelineSettings.Strategy.ROUND_ROBIN, s.merge().strategy());
        assertEquals(0.5, s.rank().overrides().getDouble("learning-rate"));
        assertFalse(s.rank().overrides().hasPath("ratio"));
        assertEquals(0, s.rank().ratio());
        assertEquals(PipelineSettings.Holdout.FOLD, s.rank().holdout());
        assertEquals(0.3, s.rank().holdoutFraction());
        assertEquals(List.of(5), s.ks());
    }

    @Test
    void quotasByNameOverrideTheChannelList() {
        PipelineSettings s = parse(MIN + ", quotas { usercf = 7 }");
        assertArrayEquals(new int[]{100, 7}, s.quotas());
        ConfigError e = assertThrows(ConfigError.class, () -> parse(MIN + ", quotas { usrcf = 7 }"));
        assertTrue(e.getMessage().contains("did you mean `usercf`"), e.getMessage());
        e = assertThrows(ConfigError.class, () -> parse(MIN + ", quotas { usercf = 0 }"));
        assertTrue(e.getMessage().contains("pipeline.quotas.usercf"), e.getMessage());
    }

    @Test
    void foldsAreRefusedWithATimeOrItemsHoldout() {
        for (String h : new String[]{"time", "items"}) {
            ConfigError e = assertThrows(ConfigError.class, () -> parse("channels = [ { model = itemcf } ], rank { model = fm, folds = 3, holdout = " + h + " }"));
            assertTrue(e.getMessage().contains("folds") && e.getMessage().contains(h), e.getMessage());
        }
        assertEquals(3, parse("channels = [ { model = itemcf } ], rank { model = fm, folds = 3, holdout = fold }").rank().folds());
        assertThrows(ConfigError.class, () -> parse("channels = [ { model = itemcf } ], rank { model = fm, folds = 0 }"));
    }

    @Test
    void leakageIsRefused() {
        for (String part : List.of("valid", "test")) {
            ConfigError e = assertThrows(ConfigError.class, () -> parse("channels = [ { model = itemcf } ], rank { model = fm, holdout = " + part + " }"));
            assertTrue(e.getMessage().contains("leakage") && e.getMessage().contains("pipeline.rank.holdout"), e.getMessage());
        }
    }

    @Test
    void errorsNameTheKeyAndTheChoices() {
        ConfigError e = assertThrows(ConfigError.class, () -> parse("channels = [ { model = swing } ], rank { model = fm }"));
        assertTrue(e.getMessage().contains("swing") && e.getMessage().contains("pop, itemcf, usercf"), e.getMessage());
        e = assertThrows(ConfigError.class, () -> parse("channels = [ { model = itemcf } ], rank { model = fmm }"));
        assertTrue(e.getMessage().contains("did you mean `fm`"), e.getMessage());
        e = assertThrows(ConfigError.class, () -> parse("channels = [ { model = itemcf, quota = 0 } ], rank { model = fm }"));
        assertTrue(e.getMessage().contains("quota"), e.getMessage());
        e = assertThrows(ConfigError.class, () -> parse("channels = [ { model = itemcf }, { model = itemcf } ], rank { model = fm }"));
        assertTrue(e.getMessage().contains("twice"), e.getMessage());
        e = assertThrows(ConfigError.class, () -> parse("rank { model = fm }"));
        assertTrue(e.getMessage().contains("pipeline.channels"), e.getMessage());
        e = assertThrows(ConfigError.class, () -> parse(MIN + ", final-k = [0]"));
        assertTrue(e.getMessage().contains("pipeline.final-k"), e.getMessage());
        e = assertThrows(ConfigError.class, () -> parse(MIN + ", merge { strategy = best }"));
        assertTrue(e.getMessage().contains("strategy"), e.getMessage());
        e = assertThrows(ConfigError.class, () -> parse(MIN + ", merge { dedupe = false }"));
        assertTrue(e.getMessage().contains("dedupe"), e.getMessage());
        e = assertThrows(ConfigError.class, () -> parse(MIN + ", merge { sise = 3 }"));
        assertTrue(e.getMessage().contains("did you mean `size`"), e.getMessage());
        e = assertThrows(ConfigError.class, () -> parse("channels = [ { model = itemcf } ], rank { model = fm, holdout-fraction = 1 }"));
        assertTrue(e.getMessage().contains("holdout-fraction"), e.getMessage());
        e = assertThrows(ConfigError.class, () -> parse("sources = [itemcf], ranker = lr"));
        assertTrue(e.getMessage().contains("former pipeline layout"), e.getMessage());
    }

    @Test
    void finalMetricsFollowPipelineKs() {
        List<RankingMetric> ev = List.of(RankingMetrics.create("ndcg", 10), RankingMetrics.create("ndcg", 20),
                RankingMetrics.parse("recall@50"));
        assertSame(ev, parse(MIN).finalMetrics(ev, List.of(10, 20)));
        PipelineSettings other = parse(MIN + ", final-k = [5, 10]");
        assertEquals(List.of("ndcg@5", "ndcg@10", "recall@5", "recall@10"),
                other.finalMetrics(ev, List.of(10, 20)).stream().map(RankingMetric::id).toList());
    }
}
