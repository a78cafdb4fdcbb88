package io.reclab.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The machine a benchmark ran on, recorded beside every figure so ratios are read against the right hardware:
 * cores the JVM sees, physical memory, the heap limit, the CPU model (from {@code /proc/cpuinfo} where there is
 * one), the JVM and the OS.
 */
public record Machine(int cores, long physicalMemoryBytes, long maxHeapBytes, String cpu, String jvm, String os) {
    public static Machine current() {
        long phys = -1;
        if (java.lang.management.ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os)
            phys = os.getTotalMemorySize();
        return new Machine(Runtime.getRuntime().availableProcessors(), phys, Runtime.getRuntime().maxMemory(), cpuModel(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
    }

    private static String cpuModel() {
        Path p = Path.of("/proc/cpuinfo");
        if (!Files.isReadable(p)) return "unknown";
        try {
            List<String> lines = Files.readAllLines(p);
            for (String l : lines) if (l.startsWith("model name")) return l.substring(l.indexOf(':') + 1).trim();
        } catch (IOException e) {
            return "unknown";
        }
        return "unknown";
    }

    /** One line: "2 cores, 23.4 GB RAM, heap limit 8.0 GB, <cpu>, <jvm>". */
    public String describe() {
        return cores + " cores, " + gb(physicalMemoryBytes) + " RAM, heap limit " + gb(maxHeapBytes) + ", " + cpu + ", " + jvm;
    }

    private static String gb(long bytes) {
        return bytes < 0 ? "unknown" : String.format(java.util.Locale.ROOT, "%.1f GB", bytes / 1e9);
    }
}
