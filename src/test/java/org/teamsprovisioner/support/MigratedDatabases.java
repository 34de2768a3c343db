package org.teamsprovisioner.support;

import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactoryOptions;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Empty databases with the service's migrations applied, for adapter tests that need no
 * application context: a fresh PostgreSQL database, or an in-memory H2 in PostgreSQL mode as the
 * sandbox runs it.
 */
public final class MigratedDatabases {

    private MigratedDatabases() {
    }

    public static DatabaseClient postgres() {
        PostgresDatabase postgres = PostgresDatabase.fresh();
        Flyway.configure().dataSource(postgres.jdbcUrl(), postgres.user(), postgres.password()).load().migrate();
        return DatabaseClient.create(ConnectionFactories.get(ConnectionFactoryOptions.parse(postgres.r2dbcUrl())
                .mutate()
                .option(ConnectionFactoryOptions.USER, postgres.user())
                .option(ConnectionFactoryOptions.PASSWORD, postgres.password())
                .build()));
    }

    public static DatabaseClient h2() {
        String name = "migrated-" + UUID.randomUUID();
        Flyway.configure().dataSource("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL", "sa", "").load().migrate();
        return DatabaseClient.create(ConnectionFactories.get(ConnectionFactoryOptions
                .parse("r2dbc:h2:mem:///" + name + "?options=DB_CLOSE_DELAY=-1;MODE=PostgreSQL")
                .mutate()
                .option(ConnectionFactoryOptions.USER, "sa")
                .option(ConnectionFactoryOptions.PASSWORD, "")
                .build()));
    }
}
