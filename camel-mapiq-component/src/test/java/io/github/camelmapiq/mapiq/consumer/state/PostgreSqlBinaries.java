package io.github.camelmapiq.mapiq.consumer.state;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Where {@link TemporaryPostgreSql} finds PostgreSQL's server binaries ({@code initdb}, {@code pg_ctl}), on any
 * platform: the folder named by {@value #VARIABLE}, else the first {@code initdb} on {@code PATH} (Homebrew, Fedora,
 * a Debian symlink), else the newest {@code /usr/lib/postgresql/<version>/bin} (Debian's and Ubuntu's
 * {@code postgresql} package, which {@code .ci/prepare} installs). Public, like {@link TemporaryPostgreSql}, for the
 * modules that reuse this test-jar: the benchmark asks {@link #find()} first, to skip its PostgreSQL rows with the
 * reason when there is no server to start.
 */
public final class PostgreSqlBinaries {

    /** The environment variable naming the folder of {@code initdb} and {@code pg_ctl}. */
    static final String VARIABLE = "MAPIQ_TEST_PG_BIN";
    static final Path DEBIAN = Path.of("/usr/lib/postgresql");

    private PostgreSqlBinaries() {
    }

    public static Path find() throws IOException {
        return find(System.getenv(), DEBIAN);
    }

    /** {@code env} as {@link System#getenv()} gives it; {@code debian} the folder of Debian's versions. */
    static Path find(Map<String, String> env, Path debian) throws IOException {
        String named = env.get(VARIABLE);
        if (named != null && !named.isBlank()) {
            Path bin = Path.of(named);
            if (!hasBoth(bin)) {
                throw new IOException(VARIABLE + "=" + named + " is not a folder holding PostgreSQL's initdb and "
                                      + "pg_ctl");
            }
            return bin;
        }
        Path onPath = onPath(env.getOrDefault("PATH", ""));
        if (onPath != null) {
            return onPath;
        }
        Path newest = newestDebian(debian);
        if (newest != null) {
            return newest;
        }
        throw new IOException("PostgreSQL's server binaries (initdb, pg_ctl) are not found: not in " + VARIABLE
                              + ", not on PATH, not under " + debian + "/<version>/bin. Install PostgreSQL's server "
                              + "(on Debian or Ubuntu .ci/prepare does), or set " + VARIABLE + " to the folder of "
                              + "its initdb");
    }

    /**
     * The folder of the first {@code initdb} on {@code path} that also has {@code pg_ctl}: the folder itself, or the
     * folder the {@code initdb} link points into (a link to Debian's folder, say).
     */
    private static Path onPath(String path) throws IOException {
        for (String entry : path.split(File.pathSeparator)) {
            if (entry.isBlank()) {
                continue;
            }
            Path initdb = Path.of(entry).resolve("initdb");
            if (!Files.isExecutable(initdb)) {
                continue;
            }
            List<Path> candidates = new ArrayList<>();
            candidates.add(initdb.toRealPath().getParent());
            candidates.add(Path.of(entry));
            for (Path bin : candidates) {
                if (hasBoth(bin)) {
                    return bin;
                }
            }
        }
        return null;
    }

    private static Path newestDebian(Path debian) throws IOException {
        if (!Files.isDirectory(debian)) {
            return null;
        }
        try (Stream<Path> versions = Files.list(debian)) {
            return versions.map(v -> v.resolve("bin")).filter(PostgreSqlBinaries::hasBoth)
                    .max(Comparator.comparingInt(PostgreSqlBinaries::version)).orElse(null);
        }
    }

    private static boolean hasBoth(Path bin) {
        return Files.isExecutable(bin.resolve("initdb")) && Files.isExecutable(bin.resolve("pg_ctl"));
    }

    private static int version(Path bin) {
        try {
            return Integer.parseInt(bin.getParent().getFileName().toString());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
