package io.github.camelmapiq.mapiq.consumer;

import java.nio.file.Path;

import javax.sql.DataSource;

import io.github.camelmapiq.mapiq.consumer.state.TemporaryPostgreSql;
import org.junit.jupiter.api.AfterAll;
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
}
