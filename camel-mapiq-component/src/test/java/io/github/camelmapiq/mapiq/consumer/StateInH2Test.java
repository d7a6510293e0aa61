package io.github.camelmapiq.mapiq.consumer;

import java.nio.file.Path;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.io.TempDir;

/** The database state on H2 (a file database, so that each DataSource object reaches the same data). */
class StateInH2Test extends StateInADatabaseTestSupport {

    @TempDir
    static Path dir;

    @Override
    DataSource dataSource() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:file:" + dir.resolve("state") + ";DB_CLOSE_DELAY=-1");
        dataSource.setUser("sa");
        return dataSource;
    }

    @Override
    DataSource dataSourceInSchema(String schema) {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:file:" + dir.resolve("state") + ";DB_CLOSE_DELAY=-1;INIT=CREATE SCHEMA IF NOT EXISTS "
                          + schema + "\\;SET SCHEMA " + schema);
        dataSource.setUser("sa");
        return dataSource;
    }
}
