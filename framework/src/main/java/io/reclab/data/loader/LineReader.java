package io.reclab.data.loader;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.util.Arrays;

/**
 * Reads a byte stream line by line without allocating per line: the current line is
 * {@code buffer()[start() .. end())}, valid until the next call to {@link #next()}. Handles {@code \n} and
 * {@code \r\n} endings, a missing final newline, and skips a UTF-8 byte-order mark at the start.
 * Delimiters of every supported format are ASCII, so splitting bytes is safe for UTF-8 and ISO-8859-1 alike.
 */
public final class LineReader implements Closeable {
    private final InputStream in;
    private byte[] buf = new byte[1 << 16];
    private int pos;       // start of unconsumed bytes
    private int limit;     // end of valid bytes
    private boolean eof;
    private int start, end;
    private long lineNo;

    public LineReader(InputStream in) {
        this.in = in;
    }

    /** Advances to the next line; false at end of input. */
    public boolean next() throws IOException {
        int scan = pos;
        while (true) {
            for (int i = scan; i < limit; i++) {
                if (buf[i] == '\n') {
                    setLine(pos, i);
                    pos = i + 1;
                    return true;
                }
            }
            if (eof) {
                if (pos < limit) {
                    setLine(pos, limit);
                    pos = limit;
                    return true;
                }
                return false;
            }
            // everything in [pos, limit) was scanned; after fill() moves it to the front, resume after it
            scan = limit - pos;
            fill();
        }
    }

    /** Moves unconsumed bytes to the front (growing the buffer for very long lines) and reads more. */
    private void fill() throws IOException {
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, limit - pos);
            limit -= pos;
            pos = 0;
        }
        if (limit == buf.length) buf = Arrays.copyOf(buf, buf.length * 2);
        int n = in.read(buf, limit, buf.length - limit);
        if (n < 0) eof = true;
        else limit += n;
    }

    private void setLine(int s, int e) {
        if (e > s && buf[e - 1] == '\r') e--;
        if (lineNo == 0 && e - s >= 3 && (buf[s] & 0xFF) == 0xEF && (buf[s + 1] & 0xFF) == 0xBB && (buf[s + 2] & 0xFF) == 0xBF)
            s += 3;
        start = s;
        end = e;
        lineNo++;
    }

    public byte[] buffer() { return buf; }
    public int start() { return start; }
    public int end() { return end; }
    public int length() { return end - start; }
    /** 1-based number of the current line. */
    public long lineNo() { return lineNo; }
    public boolean isBlank() {
        for (int i = start; i < end; i++) if (buf[i] != ' ' && buf[i] != '\t') return false;
        return true;
    }

    /** The current line as text, for error messages and rare slow paths. */
    public String text(Charset cs) { return new String(buf, start, end - start, cs); }

    /** The current line shortened to 120 characters for error messages. */
    public String excerpt(Charset cs) {
        String s = text(cs);
        return s.length() > 120 ? s.substring(0, 117) + "..." : s;
    }

    @Override
    public void close() throws IOException { in.close(); }
}
