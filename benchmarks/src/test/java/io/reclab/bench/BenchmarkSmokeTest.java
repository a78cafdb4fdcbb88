package io.reclab.bench;

import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Runs every benchmark once, untimed, on tiny inputs: setup, each {@code @Benchmark} method, teardown, for every
 * value of the parameters that are not sizes (every model, solver, shape). Nothing here times anything; it exists
 * because the build compiles the benchmarks but never runs them, and a benchmark that throws in setup (a renamed
 * config key, a tightened validation) would otherwise be found only by the next person who runs the jar.
 */
class BenchmarkSmokeTest {
    /** Sizes small enough that a whole pass over all benchmarks takes seconds; other parameters keep their values. */
    private static final Map<String, String> TINY = Map.ofEntries(
            Map.entry("users", "40"), Map.entry("items", "60"), Map.entry("interactions", "600"),
            Map.entry("dim", "8"), Map.entry("factors", "8"), Map.entry("block", "16"), Map.entry("rows", "200"),
            Map.entry("excluded", "5"), Map.entry("samples", "300"), Map.entry("fields", "3"),
            Map.entry("vocabulary", "20"), Map.entry("window", "3"));

    private static final Blackhole BLACKHOLE =
            new Blackhole("Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");

    @Test
    void everyBenchmarkRunsOnceOnTinyInputs() throws Exception {
        List<Class<?>> benches = benchmarkClasses();
        // a broken scan would otherwise pass vacuously
        assertTrue(benches.size() >= 13, "found only " + benches);
        for (Class<?> c : benches)
            for (Map<Field, String> params : combinations(c)) runOnce(c, params);
    }

    private static void runOnce(Class<?> c, Map<Field, String> params) throws Exception {
        Object bench = c.getConstructor().newInstance();
        for (Map.Entry<Field, String> p : params.entrySet()) p.getKey().set(bench, convert(p.getValue(), p.getKey().getType()));
        String where = c.getSimpleName() + " " + describe(params);
        try {
            for (Method m : annotated(c, Setup.class)) m.invoke(bench);
            for (Method m : annotated(c, Benchmark.class)) {
                Object[] args = Arrays.stream(m.getParameterTypes()).map(t -> t == Blackhole.class ? BLACKHOLE : fail(
                        where + ": " + m.getName() + " takes a " + t.getSimpleName())).toArray();
                Object result = m.invoke(bench, args);
                if (m.getReturnType() != void.class) assertNotNull(result, where + ": " + m.getName() + " returned null");
            }
            for (Method m : annotated(c, TearDown.class)) m.invoke(bench);
        } catch (InvocationTargetException e) {
            throw new AssertionError(where + " threw", e.getCause());
        }
    }

    /** The classes under io.reclab.bench with a {@code @Benchmark} method, found in the compiled classes. */
    private static List<Class<?>> benchmarkClasses() throws IOException, URISyntaxException, ClassNotFoundException {
        Path root = Path.of(BenchmarkSmokeTest.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .getParent().resolve("classes");
        List<Class<?>> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root.resolve("io/reclab/bench"))) {
            List<Path> classFiles = files.filter(p -> p.toString().endsWith(".class") && !p.toString().contains("jmh_generated"))
                    .sorted().toList();
            for (Path f : classFiles) {
                String name = root.relativize(f).toString().replace(f.getFileSystem().getSeparator(), ".")
                        .replaceAll("\\.class$", "");
                Class<?> c = Class.forName(name);
                if (!Modifier.isAbstract(c.getModifiers()) && !annotated(c, Benchmark.class).isEmpty()) out.add(c);
            }
        }
        return out;
    }

    /** Every assignment of the class's parameters: sizes from {@link #TINY}, every listed value for the rest. */
    private static List<Map<Field, String>> combinations(Class<?> c) {
        List<Map<Field, String>> out = new ArrayList<>(List.of(Map.of()));
        for (Field f : c.getFields()) {
            Param p = f.getAnnotation(Param.class);
            if (p == null) continue;
            String[] values = TINY.containsKey(f.getName()) ? new String[]{TINY.get(f.getName())} : p.value();
            List<Map<Field, String>> next = new ArrayList<>();
            for (Map<Field, String> partial : out)
                for (String v : values) {
                    Map<Field, String> m = new java.util.LinkedHashMap<>(partial);
                    m.put(f, v);
                    next.add(m);
                }
            out = next;
        }
        return out;
    }

    private static List<Method> annotated(Class<?> c, Class<? extends java.lang.annotation.Annotation> a) {
        return Arrays.stream(c.getMethods()).filter(m -> m.isAnnotationPresent(a))
                .sorted(Comparator.comparing(Method::getName)).toList();
    }

    private static Object convert(String v, Class<?> type) {
        if (type == int.class) return Integer.parseInt(v);
        if (type == long.class) return Long.parseLong(v);
        if (type == String.class) return v;
        if (type.isEnum()) return enumValue(type, v);
        throw new IllegalArgumentException("no conversion of @Param to " + type);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object enumValue(Class<?> type, String v) {
        return Enum.valueOf((Class) type, v);
    }

    private static String describe(Map<Field, String> params) {
        StringBuilder sb = new StringBuilder();
        params.forEach((f, v) -> sb.append(sb.length() == 0 ? "" : ", ").append(f.getName()).append('=').append(v));
        return "(" + sb + ")";
    }
}
