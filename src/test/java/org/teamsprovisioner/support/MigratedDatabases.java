package org.teamsprovisioner.support;

import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactoryOptions;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Empty databases with the service's migrations applied, for adapter tests that need no
 * application context: a fresh PostgreSQL database, or an in-memory H2 in PostgreSQL mode as the
 * sandbox runs it.
 */
public final class MigratedDatabases {

    private MigratedDatabases() {
    }

    /**
     * One migrated database, reached as the service reaches it: over R2DBC (the stores) and over
     * JDBC (db-scheduler, Flyway).
     */
    public record Migrated(DatabaseClient r2dbc, DataSource jdbc) {
    }

    public static DatabaseClient postgres() {
        return migratedPostgres().r2dbc();
    }

    public static DatabaseClient h2() {
        return migratedH2().r2dbc();
    }

    public static Migrated migratedPostgres() {
        PostgresDatabase postgres = PostgresDatabase.fresh();
        DataSource jdbc = new DriverManagerDataSource(postgres.jdbcUrl(), postgres.user(), postgres.password());
        Flyway.configure().dataSource(jdbc).load().migrate();
        return new Migrated(DatabaseClient.create(ConnectionFactories.get(ConnectionFactoryOptions.parse(postgres.r2dbcUrl())
                .mutate()
                .option(ConnectionFactoryOptions.USER, postgres.user())
                .option(ConnectionFactoryOptions.PASSWORD, postgres.password())
                .build())), jdbc);
    }

    public static Migrated migratedH2() {
        String name = "migrated-" + UUID.randomUUID();
        DataSource jdbc = new DriverManagerDataSource("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL", "sa", "");
        Flyway.configure().dataSource(jdbc).load().migrate();
        return new Migrated(DatabaseClient.create(ConnectionFactories.get(ConnectionFactoryOptions
                .parse("r2dbc:h2:mem:///" + name + "?options=DB_CLOSE_DELAY=-1;MODE=PostgreSQL")
                .mutate()
                .option(ConnectionFactoryOptions.USER, "sa")
                .option(ConnectionFactoryOptions.PASSWORD, "")
                .build())), jdbc);
    }
}
