package io.reclab.data.fetch;

import io.reclab.data.loader.Sha256;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Downloads one file over HTTP(S) with the JDK's {@link HttpClient}, resumably: bytes go to {@code <file>.part},
 * and a later call asks only for what is missing ({@code Range: bytes=<size of .part>-}, answered 206 by the
 * server; a server that answers 200 instead sends the whole file again). The finished file is hashed and, when a
 * SHA-256 is expected, compared before it is renamed to its final name, so a file under that name has always been
 * checked. A file that fails the check is moved aside to {@code <file>.rejected}, never extracted.
 */
public final class Downloader {
    private static final Pattern CONTENT_RANGE = Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+|\\*)");
    private final HttpClient client;
    private final Progress progress;
    private final Duration stall;

    /** A downloader over {@code client}, reporting to {@code progress}, giving up after 60 s without data. */
    public Downloader(HttpClient client, Progress progress) {
        this(client, progress, Duration.ofSeconds(60));
    }

    /**
     * A downloader that treats {@code stall} without a byte arriving as a cut connection (HttpClient's own
     * timeout covers only the wait for the response headers, so a server that stops sending would hang forever).
     */
    public Downloader(HttpClient client, Progress progress, Duration stall) {
        this.client = client;
        this.progress = progress;
        this.stall = stall;
    }

    /** A client that follows redirects (not from https to http) and gives up connecting after 30 s. */
    public static HttpClient defaultClient() {
        return HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(30)).build();
    }

    /**
     * Downloads {@code url} to {@code target}, resuming {@code target.part} when present.
     *
     * @param sha256 the expected SHA-256 (lower-case hex), or null to accept any content
     * @param bytes  the published size, or -1; used when the server sends no length
     * @return the SHA-256 of the downloaded file
     * @throws IOException with a one-line message naming the URL: an HTTP error, a connection cut short (the .part
     *                     is kept for the next attempt to resume), or a checksum mismatch (the file is moved aside)
     */
    public String download(URI url, Path target, String sha256, long bytes) throws IOException {
        Path part = target.resolveSibling(target.getFileName() + ".part");
        Files.createDirectories(target.toAbsolutePath().getParent());
        long have = Files.isRegularFile(part) ? Files.size(part) : 0;
        HttpResponse<InputStream> r = send(url, have);
        long total;
        boolean append;
        if (r.statusCode() == 206 && have > 0) {
            String cr = r.headers().firstValue("Content-Range").orElse("");
            Matcher m = CONTENT_RANGE.matcher(cr);
            if (!m.matches() || Long.parseLong(m.group(1)) != have) {
                r.body().close();
                throw new IOException(url + ": asked for bytes from " + have + " but the server sent Content-Range `" + cr
                        + "`; delete " + part + " to download from the start");
            }
            total = m.group(3).equals("*") ? bytes : Long.parseLong(m.group(3));
            append = true;
        } else if (r.statusCode() == 416 && have > 0) {
            // nothing left to send: the .part may already be whole (an earlier run stopped before renaming it)
            r.body().close();
            total = have;
            append = true;
        } else if (r.statusCode() == 200) {
            // no Range asked, or the server ignores it: the body is the whole file, so start the .part afresh
            OptionalLong len = r.headers().firstValueAsLong("Content-Length");
            total = len.isPresent() ? len.getAsLong() : bytes;
            have = 0;
            append = false;
        } else {
            r.body().close();
            throw new IOException(url + ": HTTP " + r.statusCode() + " (expected 200" + (have > 0 ? ", or 206 to resume" : "") + ")");
        }
        long done = have;
        if (r.statusCode() != 416) done = copy(url, r.body(), part, append, have, total);
        if (total >= 0 && done < total)
            throw new IOException(url + ": download cut short: " + done + " of " + total + " bytes received; the partial file "
                    + part + " is kept, run the same command again to resume");
        String actual = Sha256.ofFiles(java.util.List.of(part));
        if (sha256 != null && !sha256.equals(actual)) {
            Path rejected = target.resolveSibling(target.getFileName() + ".rejected");
            move(part, rejected);
            throw new IOException(url + ": SHA-256 mismatch: expected " + sha256 + ", got " + actual
                    + "; nothing was extracted, the download was moved to " + rejected);
        }
        move(part, target);
        return actual;
    }

    private HttpResponse<InputStream> send(URI url, long have) throws IOException {
        HttpRequest.Builder b = HttpRequest.newBuilder(url).GET().header("User-Agent", "reclab-data-fetch");
        if (have > 0) b.header("Range", "bytes=" + have + "-");
        try {
            return client.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException(url + ": interrupted");
        } catch (java.net.ConnectException e) {
            throw new IOException(url + ": cannot connect to " + url.getHost() + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")")
                    + "; check the network (or a proxy), then run the same command again", e);
        } catch (IOException e) {
            throw new IOException(url + ": cannot download (" + e + ")", e);
        }
    }

    /** Copies the body to the .part file, reporting progress; returns the .part's size when the body ends. */
    private long copy(URI url, InputStream body, Path part, boolean append, long from, long total) throws IOException {
        long done = from;
        progress.start(url.toString(), from, total);
        AtomicLong lastData = new AtomicLong(System.nanoTime());
        AtomicBoolean stalled = new AtomicBoolean();
        ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "reclab-download-watchdog");
            t.setDaemon(true);
            return t;
        });
        long tick = Math.max(10, Math.min(1000, stall.toMillis() / 4));
        // closing the body from another thread wakes a read blocked on a silent connection
        watchdog.scheduleWithFixedDelay(() -> {
            if (System.nanoTime() - lastData.get() > stall.toNanos() && stalled.compareAndSet(false, true)) {
                try {
                    body.close();
                } catch (IOException ignored) {
                    // the read it unblocks reports the stall
                }
            }
        }, tick, tick, TimeUnit.MILLISECONDS);
        try (InputStream in = body;
             OutputStream out = Files.newOutputStream(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                     append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING)) {
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) >= 0 && !stalled.get(); ) {
                out.write(buf, 0, n);
                done += n;
                lastData.set(System.nanoTime());
                progress.advance(done);
            }
            if (stalled.get()) throw new IOException("no data for " + stall.toSeconds() + " s");
        } catch (IOException e) {
            progress.finish(done);
            String why = stalled.get() ? "no data for " + stall.toMillis() / 1000.0 + " s" : e.getMessage();
            throw new IOException(url + ": download cut short after " + done + (total >= 0 ? " of " + total : "") + " bytes ("
                    + why + "); the partial file " + part + " is kept, run the same command again to resume", e);
        } finally {
            watchdog.shutdownNow();
        }
        progress.finish(done);
        return done;
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
