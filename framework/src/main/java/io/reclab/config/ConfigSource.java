package io.reclab.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Where config group files come from: directories searched in order (a user's own conf folder first), then the
 * shipped configs on the classpath under {@code conf/} (listed from the jar or class folder).
 */
public final class ConfigSource {
    private final List<Path> dirs;
    private final ClassLoader loader;
    private final Set<String> groups;

    public ConfigSource(List<Path> dirs, ClassLoader loader, Set<String> groups) {
        this.dirs = List.copyOf(dirs);
        this.loader = loader;
        this.groups = Set.copyOf(groups);
    }

    public Set<String> groups() { return groups; }

    /** The file {@code <group>/<option>.conf}, from the first directory that has it, else the classpath. */
    public Optional<Config> load(String group, String option) {
        if (option.contains("/") || option.contains("\\") || option.contains(".."))
            throw new ConfigError("invalid " + group + " option `" + option + "`: a name, not a path");
        for (Path d : dirs) {
            Path f = d.resolve(group).resolve(option + ".conf");
            if (Files.isRegularFile(f)) return Optional.of(ConfigComposer.parseFile(f));
        }
        String res = "conf/" + group + "/" + option + ".conf";
        URL url = loader.getResource(res);
        if (url == null) return Optional.empty();
        try {
            return Optional.of(ConfigFactory.parseURL(url, ConfigParseOptions.defaults().setAllowMissing(false)));
        } catch (ConfigException e) {
            throw new ConfigError(res + ": " + e.getMessage());
        }
    }

    private static void listConf(Path dir, TreeSet<String> out) throws IOException {
        if (!Files.isDirectory(dir)) return;
        try (Stream<Path> s = Files.list(dir)) {
            s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".conf"))
                    .forEach(n -> out.add(n.substring(0, n.length() - 5)));
        }
    }

    /** Names of the options of a group, sorted. */
    public List<String> options(String group) {
        TreeSet<String> out = new TreeSet<>();
        for (Path d : dirs) {
            Path g = d.resolve(group);
            if (!Files.isDirectory(g)) continue;
            try (Stream<Path> s = Files.list(g)) {
                s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".conf"))
                        .forEach(n -> out.add(n.substring(0, n.length() - 5)));
            } catch (IOException ignored) {
                // an unreadable folder contributes no options
            }
        }
        URL url = loader.getResource("conf/" + group);
        if (url != null) {
            try {
                java.net.URI uri = url.toURI();
                if ("jar".equals(uri.getScheme())) {
                    java.nio.file.FileSystem fs;
                    try {
                        fs = java.nio.file.FileSystems.getFileSystem(uri);
                    } catch (java.nio.file.FileSystemNotFoundException e) {
                        fs = java.nio.file.FileSystems.newFileSystem(uri, java.util.Map.of());
                    }
                    listConf(fs.getPath("conf", group), out);
                } else if ("file".equals(uri.getScheme())) {
                    listConf(Path.of(uri), out);
                }
            } catch (IOException | java.net.URISyntaxException ignored) {
                // an unlistable classpath folder: its options are still reachable by exact name
            }
        }
        return new ArrayList<>(out);
    }
}
