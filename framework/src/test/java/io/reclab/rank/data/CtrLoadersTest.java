package io.reclab.rank.data;

import com.typesafe.config.ConfigFactory;
import io.reclab.config.ConfigBlock;
import io.reclab.data.DataFormatException;
import io.reclab.rank.Samples;
import io.reclab.rank.features.FeaturePipeline;
import io.reclab.rank.features.FittedFeaturePipeline;
import io.reclab.rank.features.RawTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class CtrLoadersTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    private static CtrCsvFormat csvFormat() {
        ConfigBlock b = ConfigBlock.at(ConfigFactory.parseString(
                "f { categorical = [user, item], numeric = [price], sequence = [hist], user-column = user }"), "f");
        CtrCsvFormat f = CtrCsvFormat.from(b);
        b.finish();
        return f;
    }

    @Test
    void fuxiCsvColumnsMissingValuesAndUsers() throws IOException {
        Path p = write("train.csv", "label,user,item,price,hist,ignored\n1,u1,i1,9.5,a^b,x\n0,u2,\"i,2\",,b,y\n1,u1,i3,1,,z\n");
        RawTable t = new CtrCsvLoader(csvFormat()).load(p);
        assertEquals(3, t.size());
        assertArrayEquals(new float[]{1, 0, 1}, t.labels());
        assertArrayEquals(new int[]{0, 1, 0}, t.users());
        assertEquals("i,2", t.stringColumn("item").value(1));
        assertTrue(Float.isNaN(t.floatColumn("price").values()[1]));
        assertEquals(9.5f, t.floatColumn("price").values()[0]);
        assertFalse(t.has("ignored"));
        FittedFeaturePipeline fp = new FeaturePipeline(csvFormat().defaultFields(1, 5), 0).fit(t);
        Samples s = fp.transform(t);
        // row 0: user, item, price, hist a (1/2), hist b (1/2) = 5 nonzeros; row 1: user, item, b = 3; row 2: 3
        assertArrayEquals(new int[]{0, 5, 8, 11}, s.rowPtr());
        assertEquals(0.5f, s.featVals()[4]);
    }

    @Test
    void fuxiCsvErrorsNameFileAndLine() throws IOException {
        Path bad = write("bad.csv", "label,user,item,price,hist\n1,u1,i1,9.5,a\n0,u2,i2,cheap,b\n");
        DataFormatException e = assertThrows(DataFormatException.class, () -> new CtrCsvLoader(csvFormat()).load(bad));
        assertTrue(e.getMessage().contains("bad.csv:3:") && e.getMessage().contains("cheap"), e.getMessage());
        Path noCol = write("nocol.csv", "label,user,item,hist\n1,u1,i1,a\n");
        e = assertThrows(DataFormatException.class, () -> new CtrCsvLoader(csvFormat()).load(noCol));
        assertTrue(e.getMessage().contains("nocol.csv:1:") && e.getMessage().contains("`price`"), e.getMessage());
        Path badLabel = write("label.csv", "label,user,item,price,hist\n2,u1,i1,1,a\n");
        e = assertThrows(DataFormatException.class, () -> new CtrCsvLoader(csvFormat()).load(badLabel));
        assertTrue(e.getMessage().contains("label.csv:2:"), e.getMessage());
    }

    @Test
    void libFmPositionalFieldsShareTheFeatureSpace() throws IOException {
        Path train = write("frappe.train.libfm", "1 0:1 5:1 9:1\n-1 1:1 6:1 10:1\n");
        Path test = write("frappe.test.libfm", "0 2:1 7:1 12:1\n");
        List<Samples> s = new LibSvmLoader(LibSvmLoader.Fields.POSITION).load(List.of(train, test));
        // max index 12 over both files → 13 features; 3 tokens per line → 3 fields
        assertEquals(13, s.get(0).numFeatures());
        assertEquals(13, s.get(1).numFeatures());
        assertEquals(3, s.get(0).numFields());
        assertArrayEquals(new float[]{1, 0}, s.get(0).labels());
        assertArrayEquals(new int[]{1, 6, 10}, java.util.Arrays.copyOfRange(s.get(0).featIds(), 3, 6));
        assertArrayEquals(new int[]{0, 1, 2}, java.util.Arrays.copyOfRange(s.get(1).featFields(), 0, 3));
        Path ragged = write("ragged.libfm", "1 0:1 5:1\n0 1:1\n");
        DataFormatException e = assertThrows(DataFormatException.class,
                () -> new LibSvmLoader(LibSvmLoader.Fields.POSITION).load(List.of(ragged)));
        assertTrue(e.getMessage().contains("ragged.libfm:2:"), e.getMessage());
        Path otherWidth = write("w.libfm", "1 0:1 5:1 7:1 8:1\n");
        e = assertThrows(DataFormatException.class, () -> new LibSvmLoader(LibSvmLoader.Fields.POSITION).load(List.of(train, otherWidth)));
        assertTrue(e.getMessage().contains("w.libfm:1:"), e.getMessage());
        Path badTok = write("tok.libsvm", "1 3:1\n0 4-1\n");
        e = assertThrows(DataFormatException.class, () -> new LibSvmLoader(LibSvmLoader.Fields.SINGLE).load(List.of(badTok)));
        assertTrue(e.getMessage().contains("tok.libsvm:2:") && e.getMessage().contains("4-1"), e.getMessage());
    }

    @Test
    void libFfmExplicitFieldsAreSortedByField() throws IOException {
        Path p = write("a.ffm", "1 2:7:0.5 0:1:1 1:3:2\n");
        Samples s = new LibSvmLoader(LibSvmLoader.Fields.EXPLICIT).load(List.of(p)).get(0);
        assertEquals(3, s.numFields());
        assertEquals(8, s.numFeatures());
        assertArrayEquals(new int[]{0, 1, 2}, s.featFields());
        assertArrayEquals(new int[]{1, 3, 7}, s.featIds());
        assertArrayEquals(new float[]{1, 2, 0.5f}, s.featVals());
    }

    @Test
    void criteoLogSquaredIntegersAndEmptyValues() throws IOException {
        StringBuilder l1 = new StringBuilder("1");
        long[] ints = {3, 100, 2, -1, 1000, 0, 1, 5, 7, 8, 9, 10, 11};
        for (long v : ints) l1.append('\t').append(v);
        for (int c = 0; c < 26; c++) l1.append('\t').append(c == 0 ? "68fd1e64" : "");
        StringBuilder l2 = new StringBuilder("0");
        for (int i = 0; i < 13; i++) l2.append('\t');
        for (int c = 0; c < 26; c++) l2.append('\t').append("05db9164");
        Path p = write("criteo.txt", l1 + "\n" + l2 + "\n");
        RawTable t = new CriteoLoader(CriteoLoader.Integers.LOG_SQUARED).load(p);
        assertEquals(39, t.columns().size());
        assertArrayEquals(new float[]{1, 0}, t.labels());
        // ln 3 = 1.0986, ^2 = 1.207 → 1;  ln 100 = 4.6052, ^2 = 21.21 → 21;  2 and -1 kept;  ln 1000 = 6.9078, ^2 = 47.72 → 47
        assertEquals("1", t.stringColumn("I1").value(0));
        assertEquals("21", t.stringColumn("I2").value(0));
        assertEquals("2", t.stringColumn("I3").value(0));
        assertEquals("-1", t.stringColumn("I4").value(0));
        assertEquals("47", t.stringColumn("I5").value(0));
        assertEquals("", t.stringColumn("I1").value(1));
        assertEquals("68fd1e64", t.stringColumn("C1").value(0));
        assertEquals("", t.stringColumn("C2").value(0));
        assertEquals(39, new CriteoLoader(CriteoLoader.Integers.LOG_SQUARED).defaultFields().size());
        RawTable raw = new CriteoLoader(CriteoLoader.Integers.RAW).load(p);
        assertEquals(1000f, raw.floatColumn("I5").values()[0]);
        assertTrue(Float.isNaN(raw.floatColumn("I5").values()[1]));

        Path shortLine = write("short.txt", l1 + "\n" + "0\t1\t2\n");
        DataFormatException e = assertThrows(DataFormatException.class, () -> new CriteoLoader(CriteoLoader.Integers.LOG_SQUARED).load(shortLine));
        assertTrue(e.getMessage().contains("short.txt:2:") && e.getMessage().contains("found 3"), e.getMessage());
    }

    @Test
    void avazuHourBecomesHourOfDayAndWeekday() throws IOException {
        Path p = write("avazu.csv", "id,click,hour,C1,banner_pos,site_id\n"
                + "1000009418151094273,0,14102100,1005,0,1fbe01fe\n"
                + "10000169349117863715,1,14102915,1002,1,85f751fd\n");
        RawTable t = new AvazuLoader().load(p);
        assertArrayEquals(new float[]{0, 1}, t.labels());
        assertFalse(t.has("id"));
        // 2014-10-21 was a Tuesday (2), 2014-10-29 a Wednesday (3)
        assertEquals("00", t.stringColumn("hour").value(0));
        assertEquals("2", t.stringColumn("weekday").value(0));
        assertEquals("15", t.stringColumn("hour").value(1));
        assertEquals("3", t.stringColumn("weekday").value(1));
        assertEquals("85f751fd", t.stringColumn("site_id").value(1));
        assertEquals(5, AvazuLoader.defaultFields(t).size());
        Path noClick = write("test.csv", "id,hour,C1\n1,14103100,1005\n");
        DataFormatException e = assertThrows(DataFormatException.class, () -> new AvazuLoader().load(noClick));
        assertTrue(e.getMessage().contains("test.csv:1:") && e.getMessage().contains("click"), e.getMessage());
        Path badHour = write("bad.csv", "id,click,hour,C1\n1,0,14102100,1\n2,1,141399,1\n");
        e = assertThrows(DataFormatException.class, () -> new AvazuLoader().load(badHour));
        assertTrue(e.getMessage().contains("bad.csv:3:") && e.getMessage().contains("YYMMDDHH"), e.getMessage());
    }
}
