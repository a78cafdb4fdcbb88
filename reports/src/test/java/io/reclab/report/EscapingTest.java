package io.reclab.report;

import io.reclab.report.html.Html;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EscapingTest {

    @Test
    void escapeCoversTheFiveCharacters() {
        assertEquals("&amp;&lt;&gt;&quot;&#39;x", Html.escape("&<>\"'x"));
        assertEquals("plain", Html.escape("plain"));
        assertEquals("", Html.escape(null));
    }

    @Test
    void scriptJsonCannotCloseTheScriptElement() {
        String json = Html.scriptJson(java.util.Map.of("name", "</script><!--&\u2028\u2029"));
        assertEquals("{\"name\":\"\\u003c/script\\u003e\\u003c!--\\u0026\\u2028\\u2029\"}", json);
        assertFalse(json.contains("<") || json.contains(">") || json.contains("&"));
    }

    @Test
    void payloadsInModelNamesConfigAndUserIdsAppearOnlyEscaped(@TempDir Path tmp) throws Exception {
        Path run = DemoRuns.full(tmp.resolve("run"), 8);
        String html = Files.readString(ReportWriter.writeRunReport(run));
        for (String raw : new String[]{"<script>alert(1)", "<img src=x", "onerror=alert(1)>"}) {
            assertFalse(html.contains(raw), "raw payload `" + raw + "` must not reach the page");
        }
        String script = "&lt;script&gt;alert(1)&lt;/script&gt;";
        String img = "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;";
        // model names in the leaderboard
        assertTrue(html.contains("<th class=\"rowh\" scope=\"row\" title=\"" + script + "\">" + script + "</th>"));
        assertTrue(html.contains(">" + img + "</th>"));
        // config value in config.conf (the backslash-escaped quote of HOCON is kept as written)
        assertTrue(html.contains("recall.bpr.note = &quot;\\&quot;&gt;&lt;img src=x onerror=alert(1)&gt;&quot;"), "config value");
        assertTrue(html.contains("recall.payload = &quot;" + script + "&quot;"));
        // user ids (the 8 users all appear in the "differ most" table)
        assertTrue(html.contains("<td class=\"rowh user\">" + script + "</td>"), "user id escaped");
        assertTrue(html.contains("<td class=\"rowh user\">" + img + "</td>"));
        // failed trial error text
        assertTrue(html.contains("NaN loss " + script));
        // chart data: only \\u003c escapes inside the JSON script element
        assertTrue(html.contains("\\u003cscript\\u003ealert(1)\\u003c/script\\u003e"));
    }
}
