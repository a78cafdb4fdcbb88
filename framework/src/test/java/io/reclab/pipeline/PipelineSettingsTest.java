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
    private static final List<String> RECALL = List.of("pop", "itemcf", "usercf");
    private static final List<String> RANK = List.of("lr", "gbdt-lr");

    private static PipelineSettings parse(String hocon) {
        return PipelineSettings.parse(new ConfigBlock(ConfigFactory.parseString(hocon), "pipeline"), "p", RECALL, RANK,
                List.of(10, 20));
    }

    @Test
    void defaultsAndScalarQuota() {
        PipelineSettings s = parse("sources = [itemcf, usercf], ranker = lr");
        assertEquals(List.of("itemcf", "usercf"), s.sources());
        assertArrayEquals(new int[]{100, 100}, s.quotas());
        assertEquals(200, s.maxCandidates());
        assertEquals(List.of(10, 20), s.ks());
        assertEquals("p", s.name());
        s = parse("sources = [itemcf], quota = 30, ranker = gbdt-lr, k = [5]");
        assertArrayEquals(new int[]{30}, s.quotas());
        assertEquals(List.of(5), s.ks());
        assertEquals("gbdt-lr", s.ranker());
    }

    @Test
    void perSourceQuotaMap() {
        PipelineSettings s = parse("sources = [itemcf, usercf, pop], quota { usercf = 50, pop = 10 }, ranker = lr");
        assertArrayEquals(new int[]{100, 50, 10}, s.quotas()); // itemcf left out → default 100
        assertEquals(160, s.maxCandidates());
        ConfigError e = assertThrows(ConfigError.class, () -> parse("sources = [itemcf, usercf], quota { usrcf = 50 }, ranker = lr"));
        assertTrue(e.getMessage().contains("usrcf") && e.getMessage().contains("usercf"), e.getMessage());
    }

    @Test
    void errorsNameTheKeyAndTheChoices() {
        ConfigError e = assertThrows(ConfigError.class, () -> parse("sources = [itemcf, swing], ranker = lr"));
        assertTrue(e.getMessage().contains("`swing`") && e.getMessage().contains("pop, itemcf, usercf"), e.getMessage());
        e = assertThrows(ConfigError.class, () -> parse("sources = [itemcf], ranker = lrr"));
        assertTrue(e.getMessage().contains("did you mean `lr`"), e.getMessage());
        e = assertThrows(ConfigError.class, () -> parse("sources = [itemcf], ranker = lr, quota = 0"));
        assertTrue(e.getMessage().contains("pipeline.quota"), e.getMessage());
        e = assertThrows(ConfigError.class, () -> parse("sources = [itemcf], ranker = lr, qouta = 5"));
        assertTrue(e.getMessage().contains("did you mean `quota`"), e.getMessage());
        e = assertThrows(ConfigError.class, () -> parse("sources = [itemcf, itemcf], ranker = lr"));
        assertTrue(e.getMessage().contains("twice"), e.getMessage());
        e = assertThrows(ConfigError.class, () -> parse("ranker = lr"));
        assertTrue(e.getMessage().contains("pipeline.sources"), e.getMessage());
        e = assertThrows(ConfigError.class, () -> parse("sources = [itemcf], ranker = lr, k = [0]"));
        assertTrue(e.getMessage().contains("pipeline.k"), e.getMessage());
    }

    @Test
    void finalMetricsFollowPipelineKs() {
        List<RankingMetric> ev = List.of(RankingMetrics.create("ndcg", 10), RankingMetrics.create("ndcg", 20),
                RankingMetrics.parse("recall@50"));
        PipelineSettings same = parse("sources = [itemcf], ranker = lr");
        assertSame(ev, same.finalMetrics(ev, List.of(10, 20)));
        PipelineSettings other = parse("sources = [itemcf], ranker = lr, k = [5, 10]");
        assertEquals(List.of("ndcg@5", "ndcg@10", "recall@5", "recall@10"),
                other.finalMetrics(ev, List.of(10, 20)).stream().map(RankingMetric::id).toList());
    }
}
