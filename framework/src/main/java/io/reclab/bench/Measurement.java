package io.reclab.bench;

import java.lang.management.ManagementFactory;

/**
 * Wall time, process CPU time and peak heap in use over one measured call. The heap is sampled by a daemon thread
 * every few milliseconds (the JVM's own pool peaks add up per pool, which overstates the peak of their sum), after
 * a GC so a previous call's garbage is not counted.
 *
 * @param seconds    wall time
 * @param cpuSeconds process CPU time (all threads, including GC and JIT), NaN where the JVM does not report it
 * @param peakHeapBytes the largest heap in use seen while the call ran
 */
public record Measurement(double seconds, double cpuSeconds, long peakHeapBytes) {
    private static final long SAMPLE_MILLIS = 5;

    /** Work whose result is kept (so the JIT cannot drop it) and may throw. */
    @FunctionalInterface
    public interface Work<T> {
        T run() throws Exception;
    }

    /** A measurement and the work's result. */
    public record Timed<T>(Measurement measurement, T value) {}

    public static <T> Timed<T> of(Work<T> work) throws Exception {
        System.gc();
        Runtime rt = Runtime.getRuntime();
        long[] peak = {rt.totalMemory() - rt.freeMemory()};
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                long used = rt.totalMemory() - rt.freeMemory();
                synchronized (peak) { if (used > peak[0]) peak[0] = used; }
                try {
                    Thread.sleep(SAMPLE_MILLIS);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "bench-heap-sampler");
        sampler.setDaemon(true);
        sampler.start();
        double cpu0 = processCpuSeconds();
        long t0 = System.nanoTime();
        T value;
        try {
            value = work.run();
        } finally {
            sampler.interrupt();
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        double cpu = processCpuSeconds() - cpu0;
        sampler.join();
        long used = rt.totalMemory() - rt.freeMemory();
        long p;
        synchronized (peak) { p = Math.max(peak[0], used); }
        return new Timed<>(new Measurement(wall, cpu, p), value);
    }

    static double processCpuSeconds() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            long ns = os.getProcessCpuTime();
            return ns < 0 ? Double.NaN : ns / 1e9;
        }
        return Double.NaN;
    }
}
