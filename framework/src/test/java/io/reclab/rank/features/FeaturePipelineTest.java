package io.reclab.rank.features;

import com.typesafe.config.ConfigFactory;
import io.reclab.config.ConfigBlock;
import io.reclab.config.ConfigError;
import io.reclab.rank.Samples;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class FeaturePipelineTest {
    private static final String CONF = """
            features {
              fields = [
                {name = user_id, type = categorical, min-count = 2}
                {name = age, type = numeric, transform = bucketize, buckets = [18, 25, 35, 45, 55]}
                {name = genres, type = multi, pooling = mean, separator = "|"}
                {name = gender_x_occ, type = cross, of = [gender, occupation], hash-buckets = 100}
                {name = history, type = sequence, max-length = 2}
                {name = score, type = numeric, transform = standardize}
              ]
            }""";

    private static FeaturePipeline pipeline() {
        ConfigBlock b = ConfigBlock.at(ConfigFactory.parseString(CONF), "features");
        FeaturePipeline p = FeaturePipeline.fromConfig(b);
        b.finish();
        return p;
    }

    private static RawTable train() {
        return new RawTable(List.of(
                RawTable.StringColumn.of("user_id", "u1", "u1", "u2", "u3"),
                new RawTable.FloatColumn("age", new float[]{17, 25, 60, Float.NaN}),
                RawTable.StringColumn.of("genres", "Action|Comedy", "Drama", "", "Action"),
                RawTable.StringColumn.of("gender", "M", "F", "M", "M"),
                RawTable.StringColumn.of("occupation", "doctor", "artist", "doctor", "writer"),
                RawTable.StringColumn.of("history", "", "i1", "i1|i2|i3", "i3"),
                new RawTable.FloatColumn("score", new float[]{1, 2, 3, 4})),
                new float[]{1, 0, 1, 0}, new int[]{0, 0, 1, 2}, null);
    }

    @Test
    void encodesEveryFieldTypeByHand() {
        FittedFeaturePipeline fp = pipeline().fit(train());
        // widths: user_id: u1 (count 2) kept, u2/u3 (count 1) → OOV: 1 + 1 = 2
        //         age: 5 edges → 6 buckets + missing = 7;  genres: Action, Comedy, Drama + OOV = 4
        //         cross: 100;  history: last 2 tokens of each row: {i1}, {i2, i3}, {i3} → i1, i2, i3 + OOV = 4;  score: 1
        assertEquals(List.of("user_id", "age", "genres", "gender_x_occ", "history", "score"), fp.fieldNames());
        assertEquals(2, fp.width("user_id"));
        assertEquals(7, fp.width("age"));
        assertEquals(4, fp.width("genres"));
        assertEquals(100, fp.width("gender_x_occ"));
        assertEquals(4, fp.width("history"));
        assertEquals(2 + 7 + 4 + 100 + 4 + 1, fp.numFeatures());

        Samples s = fp.transform(train());
        assertEquals(4, s.size());
        int ageOff = fp.offset("age"), gOff = fp.offset("genres"), hOff = fp.offset("history"), scOff = fp.offset("score");
        // row 0: user u1 → id 1; age 17 → bucket 0; genres Action(1) Comedy(2) at 1/2 each; history empty; score
        int p = s.rowPtr()[0];
        assertEquals(1, s.featIds()[p]);
        assertEquals(ageOff, s.featIds()[p + 1]);
        assertEquals(gOff + 1, s.featIds()[p + 2]);
        assertEquals(0.5f, s.featVals()[p + 2]);
        assertEquals(gOff + 2, s.featIds()[p + 3]);
        assertEquals(0.5f, s.featVals()[p + 3]);
        // standardize: mean 2.5, std sqrt(((1.5^2)*2 + (0.5^2)*2)/4) = sqrt(1.25) = 1.1180340; (1 - 2.5)/1.118 = -1.3416408
        assertEquals(scOff, s.featIds()[p + 5]);
        assertEquals(-1.3416408f, s.featVals()[p + 5], 1e-6f);
        assertEquals(6, s.rowPtr()[1] - s.rowPtr()[0]); // user, age, 2 genres, cross, score (no history)
        // row 2: u2 → OOV (0); age 60 → bucket 5 (5 edges <= 60); no genres; history "i1|i2|i3" keeps i2, i3 at 1/2
        int q = s.rowPtr()[2];
        assertEquals(0, s.featIds()[q]);
        assertEquals(ageOff + 5, s.featIds()[q + 1]);
        assertEquals(3, s.featFields()[q + 2]);                     // the cross, field 3
        assertEquals(hOff + 2, s.featIds()[q + 3]);
        assertEquals(hOff + 3, s.featIds()[q + 4]);
        assertEquals(0.5f, s.featVals()[q + 4]);
        // row 3: age NaN → missing bucket 6; row 1: age 25 → bucket 2 (edges 18, 25 are <= 25)
        assertEquals(ageOff + 6, s.featIds()[s.rowPtr()[3] + 1]);
        assertEquals(ageOff + 2, s.featIds()[s.rowPtr()[1] + 1]);
        // fields ordered, labels and users carried over
        for (int r = 0; r < s.size(); r++)
            for (int i = s.rowPtr()[r] + 1; i < s.rowPtr()[r + 1]; i++) assertTrue(s.featFields()[i] >= s.featFields()[i - 1]);
        assertArrayEquals(new float[]{1, 0, 1, 0}, s.labels());
        assertArrayEquals(new int[]{0, 0, 1, 2}, s.users());
        // the cross of equal values hashes equally: rows 0 and 2 are both (M, doctor)
        int c0 = s.featIds()[s.rowPtr()[0] + 4], c2 = s.featIds()[q + 2];
        assertEquals(c0, c2);
        assertEquals(fp.offset("gender_x_occ") + FeatureHash.bucket("M\u0001doctor", 0, 100), c0);
    }

    @Test
    void unseenValuesMapToOovAndTestNeverChangesTheVocabulary() {
        FittedFeaturePipeline fp = pipeline().fit(train());
        Samples before = fp.transform(train());
        int features = fp.numFeatures();
        RawTable test = new RawTable(List.of(
                RawTable.StringColumn.of("user_id", "u9", "u1"),
                new RawTable.FloatColumn("age", new float[]{40, 90}),
                RawTable.StringColumn.of("genres", "Horror", "Action|Horror"),
                RawTable.StringColumn.of("gender", "F", "F"),
                RawTable.StringColumn.of("occupation", "pilot", "pilot"),
                RawTable.StringColumn.of("history", "i7", "i1|i8"),
                new RawTable.FloatColumn("score", new float[]{5, 6})),
                new float[]{0, 1}, null, null);
        Samples t = fp.transform(test);
        assertEquals(features, fp.numFeatures());
        assertEquals(features, t.numFeatures());
        int p = t.rowPtr()[0];
        assertEquals(fp.offset("user_id"), t.featIds()[p]);          // unseen u9 → OOV
        assertEquals(fp.offset("genres"), t.featIds()[p + 2]);       // Horror → OOV
        assertEquals(fp.offset("user_id") + 1, t.featIds()[t.rowPtr()[1]]);
        assertEquals(fp.featureId("user_id", "u9"), fp.featureId("user_id", "never"));
        // encoding test data did not change anything: train encodes identically afterwards
        Samples after = fp.transform(train());
        assertArrayEquals(before.featIds(), after.featIds());
        assertArrayEquals(before.featVals(), after.featVals());
        // and test-only values are still OOV when encoded again
        assertEquals(fp.offset("user_id"), fp.transform(test).featIds()[0]);
    }

    @Test
    void hashingQuantilesLogAndSumPooling() {
        FeaturePipeline p = FeaturePipeline.fromConfig(ConfigBlock.at(ConfigFactory.parseString("""
                f { hash-seed = 7, fields = [
                  {name = c, type = categorical, hash-buckets = 8}
                  {name = x, type = numeric, transform = bucketize, quantiles = 4}
                  {name = y, column = x, type = numeric, transform = log}
                  {name = g, type = multi, pooling = sum}
                  {name = zip3, column = c, type = categorical, prefix-length = 3}
                ] }"""), "f"));
        float[] xs = {1, 2, 3, 4, 5, 6, 7, 8};
        RawTable t = new RawTable(List.of(RawTable.StringColumn.of("c", "12345", "12399", "a", "b", "c", "d", "e", "f"),
                new RawTable.FloatColumn("x", xs), RawTable.StringColumn.of("g", "a|b", "a", "", "", "", "", "", "")),
                new float[8], null, null);
        FittedFeaturePipeline fp = p.fit(t);
        // quantile edges at k*n/q = 2, 4, 6 of sorted x → 3, 5, 7
        assertArrayEquals(new double[]{3, 5, 7}, fp.bucketEdges("x"), 0);
        Samples s = fp.transform(t);
        assertEquals(fp.offset("c") + FeatureHash.bucket("12345", 7, 8), s.featIds()[0]);
        assertEquals(fp.offset("x") + 0, s.featIds()[1]);             // 1 < 3
        assertEquals((float) Math.log(2), s.featVals()[2], 1e-7f);  // log(1 + 1)
        assertEquals(1f, s.featVals()[3]);                           // sum pooling: a → 1
        assertEquals(1f, s.featVals()[4]);                           // b → 1
        // zip3: "12345" and "12399" share the prefix "123"
        assertEquals(fp.featureId("zip3", "12345"), fp.featureId("zip3", "12300"));
        assertEquals(8, fp.width("zip3"));                           // vocabulary: 123, a..f = 7 values + OOV
    }

    @Test
    void configErrorsNameTheKey() {
        ConfigError e = assertThrows(ConfigError.class, () -> FeaturePipeline.fromConfig(ConfigBlock.at(
                ConfigFactory.parseString("f.fields = [{name = a, type = categorical, min-cont = 2}]"), "f")));
        assertTrue(e.getMessage().contains("min-cont") && e.getMessage().contains("min-count"), e.getMessage());
        e = assertThrows(ConfigError.class, () -> FeaturePipeline.fromConfig(ConfigBlock.at(
                ConfigFactory.parseString("f.fields = [{name = a, type = categorial}]"), "f")));
        assertTrue(e.getMessage().contains("f.fields[0].type"), e.getMessage());
        e = assertThrows(ConfigError.class, () -> FeaturePipeline.fromConfig(ConfigBlock.at(
                ConfigFactory.parseString("f.fields = [{name = a, type = numeric, transform = bucketize}]"), "f")));
        assertTrue(e.getMessage().contains("buckets"), e.getMessage());
        e = assertThrows(ConfigError.class, () -> FeaturePipeline.fromConfig(ConfigBlock.at(
                ConfigFactory.parseString("f.fields = [{name = a, type = cross, of = [x]}]"), "f")));
        assertTrue(e.getMessage().contains("at least 2"), e.getMessage());
        e = assertThrows(ConfigError.class, () -> FeaturePipeline.fromConfig(ConfigBlock.at(
                ConfigFactory.parseString("f.fields = []"), "f")));
        assertTrue(e.getMessage().contains("`f.fields` is empty"), e.getMessage());
    }

    @Test
    void murmur3MatchesPublishedVectors() {
        // reference values of MurmurHash3_x86_32 (SMHasher / Wikipedia test vectors)
        assertEquals(0, FeatureHash.murmur3("", 0));
        assertEquals(0x514E28B7, FeatureHash.murmur3("", 1));
        assertEquals(0x2FA826CD, FeatureHash.murmur3("The quick brown fox jumps over the lazy dog", 0x9747b28c));
        assertEquals(0xFAF6CDB3, FeatureHash.murmur3("Hello, world!", 1234));
    }
}
