package io.reclab.report.html;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class HtmlTextTest {
    @Test
    void backtickSpansBecomeCodeAndEverythingIsEscapedFirst() {
        assertEquals("Split <code>random 80/10/10</code>: 5 rows", Html.text("Split `random 80/10/10`: 5 rows"));
        assertEquals("<code>&lt;script&gt;</code> &amp; <code>a</code>b", Html.text("`<script>` & `a`b"));
        assertEquals("one ` left", Html.text("one ` left"), "an unpaired backtick stays literal");
        assertEquals("", Html.text(null));
    }
}
