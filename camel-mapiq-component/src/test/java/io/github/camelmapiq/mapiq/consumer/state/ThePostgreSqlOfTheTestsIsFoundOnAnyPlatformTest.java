package io.github.camelmapiq.mapiq.consumer.state;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The tests' PostgreSQL is found on any platform: through {@code MAPIQ_TEST_PG_BIN}, on {@code PATH} (a Homebrew or
 * Fedora folder, or a link to Debian's folder), else under {@code /usr/lib/postgresql/<version>/bin}; a missing one,
 * or root without a postgres user, fails with a message saying what to do. Two servers are started for real: one
 * through {@code MAPIQ_TEST_PG_BIN}, one through {@code PATH} alone.
 */
class ThePostgreSqlOfTheTestsIsFoundOnAnyPlatformTest {

    @TempDir
    Path dir;

    /** The folder of the machine's PostgreSQL, as the build finds it from its own environment. */
    private static Path installed() throws IOException {
        return PostgreSqlBinaries.find();
    }

    @Test
    void aServerStartsFromTheFolderNamedByTheVariableWithNothingOnPath() throws Exception {
        Map<String, String> env = Map.of(PostgreSqlBinaries.VARIABLE, installed().toString(), "PATH", "");
        assertThat(PostgreSqlBinaries.find(env, dir.resolve("no-debian"))).isEqualTo(installed());
        assertServerAnswers(env);
    }

    @Test
    void aServerStartsFromLinksOnPathToTheRealFolder() throws Exception {
        Path links = Files.createDirectories(dir.resolve("links"));
        Files.createSymbolicLink(links.resolve("initdb"), installed().resolve("initdb"));
        Map<String, String> env = Map.of("PATH", dir.resolve("empty") + ":" + links);

        assertThat(PostgreSqlBinaries.find(env, dir.resolve("no-debian"))).isEqualTo(installed().toRealPath());
        assertServerAnswers(env);
    }

    @Test
    void aFolderOnPathWithBothCommandsIsTakenBeforeDebiansFolder() throws Exception {
        Path homebrew = fakeBin("opt/homebrew/bin");
        Path debian = fakeBin("usr/lib/postgresql/16/bin").getParent().getParent();

        assertThat(PostgreSqlBinaries.find(Map.of("PATH", "/nowhere:" + homebrew), debian)).isEqualTo(homebrew);
        assertThat(PostgreSqlBinaries.find(Map.of("PATH", "/nowhere"), debian)).isEqualTo(debian.resolve("16/bin"));
    }

    @Test
    void theNewestDebianVersionIsTaken() throws Exception {
        fakeBin("pg/9/bin");
        fakeBin("pg/15/bin");
        fakeBin("pg/13/bin");

        assertThat(PostgreSqlBinaries.find(Map.of(), dir.resolve("pg"))).isEqualTo(dir.resolve("pg/15/bin"));
    }

    @Test
    void whatCannotBeFoundFailsSayingWhereItLookedAndWhatToDo() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));

        assertThatThrownBy(() -> PostgreSqlBinaries.find(Map.of(PostgreSqlBinaries.VARIABLE, empty.toString()),
                dir)).hasMessage("MAPIQ_TEST_PG_BIN=" + empty + " is not a folder holding PostgreSQL's initdb and pg_ctl");
        assertThatThrownBy(() -> PostgreSqlBinaries.find(Map.of("PATH", empty.toString()), dir.resolve("none")))
                .hasMessageContaining("not in MAPIQ_TEST_PG_BIN, not on PATH, not under " + dir.resolve("none"))
                .hasMessageContaining(".ci/prepare").hasMessageContaining("set MAPIQ_TEST_PG_BIN");
    }

    @Test
    void rootRunsThePostgresUserOrIsRefusedClearly() throws Exception {
        assertThat(TemporaryPostgreSql.runsAsPostgresUser("builder", false, false)).isFalse();
        assertThat(TemporaryPostgreSql.runsAsPostgresUser("root", true, true)).isTrue();
        assertThatThrownBy(() -> TemporaryPostgreSql.runsAsPostgresUser("root", true, false))
                .hasMessageStartingWith("PostgreSQL refuses to run as root")
                .hasMessageContaining("there is no postgres user").hasMessageContaining("Run the build as another user");
        assertThatThrownBy(() -> TemporaryPostgreSql.runsAsPostgresUser("root", false, true))
                .hasMessageContaining("there is no runuser command");
    }

    private Path fakeBin(String folder) throws IOException {
        Path bin = Files.createDirectories(dir.resolve(folder));
        for (String command : new String[] { "initdb", "pg_ctl" }) {
            Files.writeString(bin.resolve(command), "#!/bin/sh\nexit 1\n");
            Files.setPosixFilePermissions(bin.resolve(command), PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        return bin;
    }

    private void assertServerAnswers(Map<String, String> env) throws Exception {
        try (TemporaryPostgreSql server = TemporaryPostgreSql.start(Path.of("target"), env);
             Connection connection = server.dataSource().getConnection();
             ResultSet answer = connection.createStatement().executeQuery("SELECT 6 * 7")) {
            answer.next();
            assertThat(answer.getInt(1)).isEqualTo(42);
        }
    }
}
