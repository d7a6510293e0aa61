package io.github.camelmapiq.mapiq.consumer.state;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.postgresql.ds.PGSimpleDataSource;

/**
 * A throw-away PostgreSQL server for tests: {@code initdb} of a new cluster in a folder under {@code target/} (or, run
 * as root, the system's temporary folder), started on a free loopback port, stopped and deleted at {@link #close}.
 * Needs PostgreSQL's server binaries, found by {@link PostgreSqlBinaries} ({@code MAPIQ_TEST_PG_BIN}, {@code PATH},
 * or Debian's {@code postgresql} package, which {@code .ci/prepare} installs). PostgreSQL refuses to run as root: a
 * build run as root runs it as the {@code postgres} user through {@code runuser}, and fails with a clear message when
 * there is no such user.
 */
public final class TemporaryPostgreSql implements AutoCloseable {

    private static final Path TMP = Path.of(System.getProperty("java.io.tmpdir"));

    private final Path bin;
    private final Path data;
    private final int port;
    private final boolean asPostgresUser;
    private final Thread cleanup;

    private TemporaryPostgreSql(Path bin, Path data, int port, boolean asPostgresUser) {
        this.bin = bin;
        this.data = data;
        this.port = port;
        this.asPostgresUser = asPostgresUser;
        this.cleanup = new Thread(this::stopQuietly, "stop-temporary-postgresql");
    }

    /** Creates and starts a cluster in a new folder under {@code parent}. */
    public static TemporaryPostgreSql start(Path parent) throws Exception {
        return start(parent, System.getenv());
    }

    /** As {@link #start(Path)}, with the binaries found through {@code env} rather than the process's environment. */
    static TemporaryPostgreSql start(Path parent, java.util.Map<String, String> env) throws Exception {
        Path bin = PostgreSqlBinaries.find(env, PostgreSqlBinaries.DEBIAN);
        boolean root = runsAsPostgresUser(System.getProperty("user.name"), runuserExists(), postgresUserExists());
        // run as the postgres user, the server must reach its folder: a checkout may sit in a folder only root can
        // enter (mktemp -d), so the cluster then goes to the system's temporary folder
        Path base = root ? TMP : parent.toAbsolutePath();
        Files.createDirectories(base);
        Path data = Files.createTempDirectory(base, "postgresql-");
        if (root) {
            run(List.of("chown", "postgres:postgres", data.toString()));
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        TemporaryPostgreSql server = new TemporaryPostgreSql(bin, data, port, root);
        server.exec(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", "postgres", "-A", "trust",
                "-E", "UTF8", "--no-locale");
        server.exec(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-w", "-t", "60", "-l",
                data.resolve("server.log").toString(), "-o",
                "-p " + port + " -h 127.0.0.1 -k " + data + " -c fsync=on -c max_connections=50", "start");
        Runtime.getRuntime().addShutdownHook(server.cleanup);
        return server;
    }

    public int port() {
        return port;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    public DataSource dataSource() {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(jdbcUrl());
        dataSource.setUser("postgres");
        return dataSource;
    }

    @Override
    public void close() throws Exception {
        stopQuietly();
        try {
            Runtime.getRuntime().removeShutdownHook(cleanup);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs anyway
        }
        try (Stream<Path> files = Files.walk(data)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }

    private void stopQuietly() {
        try {
            exec(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-w", "-m", "fast", "stop");
        } catch (Exception e) {
            // already stopped
        }
    }

    private void exec(String... command) throws Exception {
        List<String> line = new ArrayList<>();
        if (asPostgresUser) {
            line.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        line.addAll(List.of(command));
        run(line);
    }

    private static void run(List<String> command) throws Exception {
        // to a file, not a pipe: the server pg_ctl leaves running would hold a pipe open
        Path output = Files.createTempFile("postgresql-command-", ".log");
        try {
            Process process = new ProcessBuilder(command).directory(TMP.toFile()).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).start();
            if (!process.waitFor(90, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IOException(String.join(" ", command) + " failed: " + Files.readString(output));
            }
        } finally {
            Files.deleteIfExists(output);
        }
    }

    /**
     * Whether the server must run as the {@code postgres} user: only when the build runs as root, which PostgreSQL
     * refuses; then {@code runuser} and the user must exist.
     *
     * @throws IOException naming what is missing, when running as root without them
     */
    static boolean runsAsPostgresUser(String user, boolean runuser, boolean postgresUser) throws IOException {
        if (!"root".equals(user)) {
            return false;
        }
        if (!runuser || !postgresUser) {
            String missing = !postgresUser ? "there is no postgres user" : "there is no runuser command";
            throw new IOException("PostgreSQL refuses to run as root, and the tests cannot run it as the postgres user: "
                                  + missing + ". Run the build as another user, or install PostgreSQL's package "
                                  + "(which creates the postgres user)");
        }
        return true;
    }

    private static boolean runuserExists() {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .filter(dir -> !dir.isBlank()).anyMatch(dir -> Files.isExecutable(Path.of(dir, "runuser")));
    }

    private static boolean postgresUserExists() throws IOException {
        Path passwd = Path.of("/etc/passwd");
        return Files.exists(passwd) && Files.readAllLines(passwd).stream().anyMatch(l -> l.startsWith("postgres:"));
    }
}
