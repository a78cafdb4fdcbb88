package io.reclab.report.html;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.reclab.run.Json;

/**
 * Escaping for the two contexts in which report data reaches a page: HTML text/attribute values, and JSON embedded
 * in a {@code <script>} element. Every string that comes from a run folder passes through one of these.
 */
public final class Html {
    private Html() {}

    /** Escapes {@code & < > " '} so the result is safe both as element text and inside a quoted attribute. */
    public static String escape(String s) {
        if (s == null) return "";
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String rep;
            switch (c) {
                case '&': rep = "&amp;"; break;
                case '<': rep = "&lt;"; break;
                case '>': rep = "&gt;"; break;
                case '"': rep = "&quot;"; break;
                case '\'': rep = "&#39;"; break;
                default: rep = null;
            }
            if (rep != null) {
                if (out == null) out = new StringBuilder(s.length() + 16).append(s, 0, i);
                out.append(rep);
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? s : out.toString();
    }

    /**
     * Escapes prose and renders its {@code `backtick`} spans as {@code <code>} elements, as the README and the
     * console write them. Escaping comes first, so a span's content is escaped text too; an unpaired backtick stays
     * literal.
     */
    public static String text(String s) {
        String e = escape(s);
        StringBuilder out = new StringBuilder(e.length() + 16);
        int i = 0;
        while (i < e.length()) {
            int a = e.indexOf('`', i);
            int b = a < 0 ? -1 : e.indexOf('`', a + 1);
            if (a < 0 || b < 0) {
                out.append(e, i, e.length());
                break;
            }
            out.append(e, i, a).append("<code>").append(e, a + 1, b).append("</code>");
            i = b + 1;
        }
        return out.toString();
    }

    /**
     * Serialises {@code value} to JSON that can sit inside a {@code <script>} element: {@code < > &} and the JS
     * line terminators U+2028/U+2029 become {@code \\uXXXX} escapes. These characters can only occur inside JSON
     * strings, where the escape means the same character, so the data is unchanged while {@code </script>} or
     * {@code <!--} can never appear in the page source.
     */
    public static String scriptJson(Object value) {
        try {
            return escapeJsonForScript(Json.mapper().writer().without(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot serialise report data to JSON: " + e.getMessage(), e);
        }
    }

    /** The escaping step of {@link #scriptJson(Object)}, for JSON text produced elsewhere. */
    public static String escapeJsonForScript(String json) {
        StringBuilder out = new StringBuilder(json.length() + 16);
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            switch (c) {
                case '<': out.append("\\u003c"); break;
                case '>': out.append("\\u003e"); break;
                case '&': out.append("\\u0026"); break;
                case '\u2028': out.append("\\u2028"); break;
                case '\u2029': out.append("\\u2029"); break;
                default: out.append(c);
            }
        }
        return out.toString();
    }
}
