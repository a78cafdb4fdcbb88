package io.reclab.data.fetch;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local HTTP server for the fetch tests (the JDK's com.sun.net.httpserver): serves byte arrays by path, honours
 * {@code Range: bytes=N-} with 206 unless told not to, can stop sending halfway, and records what it was asked.
 * {@link #serveCutShort} adds a plain socket that closes the connection halfway, which com.sun.net.httpserver
 * cannot be made to do.
 */
final class FixtureServer implements AutoCloseable {
    /** How one path answers. */
    enum Mode { NORMAL, IGNORE_RANGE, STALL_HALF }

    private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-");
    private final HttpServer server;
    private final Map<String, byte[]> bodies = new ConcurrentHashMap<>();
    private final Map<String, Mode> modes = new ConcurrentHashMap<>();
    /** The Range header of every request, in order ("" when none). */
    final List<String> ranges = new CopyOnWriteArrayList<>();
    /** Body bytes sent, over all requests. */
    final AtomicLong bytesSent = new AtomicLong();
    /** Released by {@link #close()}, so a silent handler does not hold up the server's shutdown. */
    private final java.util.concurrent.CountDownLatch closing = new java.util.concurrent.CountDownLatch(1);

    FixtureServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Serves {@code body} at {@code path} in {@code mode}; returns its URL. */
    URI serve(String path, byte[] body, Mode mode) {
        bodies.put(path, body);
        modes.put(path, mode);
        return url(path);
    }

    URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    private void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        String range = ex.getRequestHeaders().getFirst("Range");
        ranges.add(range == null ? "" : range);
        byte[] body = bodies.get(path);
        if (body == null) {
            ex.sendResponseHeaders(404, -1);
            ex.close();
            return;
        }
        Mode mode = modes.get(path);
        Matcher m = range == null ? null : RANGE.matcher(range);
        if (m != null && m.matches() && mode == Mode.NORMAL) {
            int from = Integer.parseInt(m.group(1));
            if (from >= body.length) {
                ex.getResponseHeaders().set("Content-Range", "bytes */" + body.length);
                ex.sendResponseHeaders(416, -1);
                ex.close();
                return;
            }
            ex.getResponseHeaders().set("Content-Range", "bytes " + from + "-" + (body.length - 1) + "/" + body.length);
            ex.sendResponseHeaders(206, body.length - from);
            try (OutputStream o = ex.getResponseBody()) {
                o.write(body, from, body.length - from);
            }
            bytesSent.addAndGet(body.length - from);
            return;
        }
        ex.sendResponseHeaders(200, body.length);
        OutputStream o = ex.getResponseBody();
        if (mode == Mode.STALL_HALF) {
            // announce the whole length, send half, then fall silent with the connection open
            o.write(body, 0, body.length / 2);
            o.flush();
            bytesSent.addAndGet(body.length / 2);
            try {
                closing.await(30, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return;
        }
        o.write(body);
        o.close();
        bytesSent.addAndGet(body.length);
    }

    private final List<ServerSocket> sockets = new CopyOnWriteArrayList<>();

    /**
     * Serves {@code body} from a plain socket that answers every request with 200, the whole Content-Length and only
     * the first half of the bytes, then closes the connection; returns its URL.
     */
    URI serveCutShort(String path, byte[] body) throws IOException {
        ServerSocket ss = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        sockets.add(ss);
        Thread t = new Thread(() -> {
            while (!ss.isClosed()) {
                try (Socket c = ss.accept()) {
                    BufferedReader in = new BufferedReader(new InputStreamReader(c.getInputStream(), StandardCharsets.ISO_8859_1));
                    String range = "";
                    for (String line; (line = in.readLine()) != null && !line.isEmpty(); )
                        if (line.regionMatches(true, 0, "Range:", 0, 6)) range = line.substring(6).trim();
                    ranges.add(range);
                    OutputStream o = c.getOutputStream();
                    o.write(("HTTP/1.1 200 OK\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n")
                            .getBytes(StandardCharsets.ISO_8859_1));
                    o.write(body, 0, body.length / 2);
                    o.flush();
                    bytesSent.addAndGet(body.length / 2);
                } catch (IOException e) {
                    // closed by close(), or the client hung up: either way this connection is done
                }
            }
        }, "fixture-cut-short");
        t.setDaemon(true);
        t.start();
        return URI.create("http://127.0.0.1:" + ss.getLocalPort() + path);
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        for (ServerSocket ss : sockets) {
            try {
                ss.close();
            } catch (IOException ignored) {
                // test teardown
            }
        }
    }
}
