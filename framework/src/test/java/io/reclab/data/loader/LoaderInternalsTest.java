package io.reclab.data.loader;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Byte-level line reading, field splitting, number parsing and id indexing against plain-Java references. */
class LoaderInternalsTest {
    private static List<String> lines(byte[] data) throws Exception {
        List<String> out = new ArrayList<>();
        try (LineReader r = new LineReader(new ByteArrayInputStream(data))) {
            while (r.next()) {
                assertEquals(out.size() + 1, r.lineNo());
                out.add(r.text(StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    @Test
    void lineReaderHandlesEndingsBomAndLinesLongerThanItsBuffer() throws Exception {
        assertEquals(List.of("a", "b", "", "c"), lines("a\r\nb\n\nc".getBytes(StandardCharsets.UTF_8)));
        assertEquals(List.of("x"), lines(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'x', '\n'}));
        assertEquals(List.of(), lines(new byte[0]));
        // random lines, some far longer than the 64 KiB buffer, versus String.split
        SplittableRandom rnd = new SplittableRandom(5);
        StringBuilder sb = new StringBuilder();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            int len = rnd.nextInt(10) == 0 ? 70_000 + rnd.nextInt(100_000) : rnd.nextInt(50);
            StringBuilder line = new StringBuilder();
            for (int j = 0; j < len; j++) line.append((char) ('a' + rnd.nextInt(26)));
            expected.add(line.toString());
            sb.append(line).append('\n');
        }
        assertEquals(expected, lines(sb.toString().getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void fieldsSplitOnMultiByteDelimiters() {
        Fields f = new Fields("::");
        byte[] b = "1::Toy:Story::a|b::".getBytes(StandardCharsets.UTF_8);
        assertEquals(4, f.split(b, 0, b.length));
        assertEquals("1", f.string(0, StandardCharsets.UTF_8));
        assertEquals("Toy:Story", f.string(1, StandardCharsets.UTF_8));
        assertEquals("a|b", f.string(2, StandardCharsets.UTF_8));
        assertTrue(f.isEmpty(3));
    }

    @Test
    void numberParsersAgreeWithTheJdk() {
        Fields f = new Fields(",");
        SplittableRandom rnd = new SplittableRandom(11);
        for (int k = 0; k < 20_000; k++) {
            String s;
            switch (k % 4) {
                case 0 -> s = Integer.toString(rnd.nextInt(0, 10_000_000)) + "." + rnd.nextInt(0, 1000);
                case 1 -> s = (rnd.nextBoolean() ? "-" : "") + rnd.nextInt(0, 100) + "." + rnd.nextInt(0, 10);
                case 2 -> s = Float.toString((float) rnd.nextDouble(-1e6, 1e6));
                default -> s = Double.toString(rnd.nextDouble() * Math.pow(10, rnd.nextInt(-8, 12)));
            }
            byte[] b = s.getBytes(StandardCharsets.US_ASCII);
            f.split(b, 0, b.length);
            assertEquals(Float.parseFloat(s), f.parseFloat(0), s);
            assertFalse(f.bad(), s);
        }
        String[] ints = {"0", "978300760", "-42", "9223372036854775807", "881250949.0", "881250949.75"};
        long[] want = {0, 978300760L, -42, Long.MAX_VALUE, 881250949L, 881250949L};
        for (int k = 0; k < ints.length; k++) {
            byte[] b = ints[k].getBytes(StandardCharsets.US_ASCII);
            f.split(b, 0, b.length);
            assertEquals(want[k], f.parseSeconds(0), ints[k]);
            assertFalse(f.bad(), ints[k]);
        }
        for (String s : new String[] {"", "x", "1.2.3", "4a", "-"}) {
            byte[] b = s.getBytes(StandardCharsets.US_ASCII);
            f.split(b, 0, b.length);
            f.parseFloat(0);
            assertTrue(f.bad(), "float " + s);
            f.parseLong(0);
            assertTrue(f.bad(), "long " + s);
        }
    }

    @Test
    void idIndexerMatchesAFirstSeenStringMap() {
        SplittableRandom rnd = new SplittableRandom(3);
        String[] pool = {"7", "007", "0", "00", "-3", "abc", "123456789012345678", "1234567890123456789", "x y"};
        IdIndexer ids = new IdIndexer();
        Map<String, Integer> ref = new HashMap<>();
        List<String> order = new ArrayList<>();
        for (int k = 0; k < 50_000; k++) {
            String s = rnd.nextInt(4) == 0 ? pool[rnd.nextInt(pool.length)] : Integer.toString(rnd.nextInt(20_000));
            int expected = ref.computeIfAbsent(s, key -> { order.add(key); return order.size() - 1; });
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            int got = k % 2 == 0 ? ids.add(b, 0, b.length, StandardCharsets.UTF_8) : ids.add(s);
            assertEquals(expected, got, s);
        }
        assertEquals(order, ids.build().externals());
        for (String s : order) assertEquals(ref.get(s).intValue(), ids.find(s));
        assertEquals(-1, ids.find("not-there"));
        assertEquals(-1, ids.find("99999999"));
        assertFalse(ids.allNumeric());
    }

    @Test
    void sha256OfFilesIsTheHashOfTheConcatenation(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path a = Files.writeString(dir.resolve("a"), "a");
        Path bc = Files.writeString(dir.resolve("bc"), "bc");
        // FIPS 180-2 test vector: SHA-256("abc")
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Sha256.ofFiles(List.of(a, bc)));
        assertEquals(Fixtures.concatSha(bc, a), Sha256.ofFiles(List.of(bc, a)));
    }
}
