package io.github.camelmapiq.mapiq.consumer;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;

import javax.sql.DataSource;

import io.github.camelmapiq.mapiq.consumer.state.TemporaryPostgreSql;
import org.junit.jupiter.api.AfterAll;
import org.postgresql.ds.PGSimpleDataSource;
import org.junit.jupiter.api.BeforeAll;

/** The database state on a real PostgreSQL server, started for this class from Debian's {@code postgresql}. */
class StateInPostgreSqlTest extends StateInADatabaseTestSupport {

    private static TemporaryPostgreSql postgres;

    @BeforeAll
    static void startPostgreSql() throws Exception {
        postgres = TemporaryPostgreSql.start(Path.of("target"));
    }

    @AfterAll
    static void stopPostgreSql() throws Exception {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Override
    DataSource dataSource() {
        return postgres.dataSource();
    }

    @Override
    DataSource dataSourceInSchema(String schema) throws Exception {
        try (Connection connection = dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA IF NOT EXISTS " + schema);
        }
        PGSimpleDataSource dataSource = (PGSimpleDataSource) postgres.dataSource();
        dataSource.setCurrentSchema(schema);
        return dataSource;
    }
}
