package org.teamsprovisioner.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * A PostgreSQL database for tests, created once per JVM: in a Testcontainers container where a
 * Docker engine runs, otherwise a fresh database on the machine's own PostgreSQL
 * ({@code TEST_POSTGRES_HOST}/{@code TEST_POSTGRES_PORT}/{@code TEST_POSTGRES_USER}, default
 * 127.0.0.1:5432, user postgres, trust auth), dropped again when the JVM exits.
 */
public final class PostgresDatabase {

    private static PostgresDatabase instance;

    private final String host;
    private final int port;
    private final String database;
    private final String user;
    private final String password;

    private PostgresDatabase(String host, int port, String database, String user, String password) {
        this.host = host;
        this.port = port;
        this.database = database;
        this.user = user;
        this.password = password;
    }

    public static synchronized PostgresDatabase get() {
        if (instance == null) {
            instance = dockerAvailable() ? inContainer() : onLocalServer();
        }
        return instance;
    }

    /** Another empty database on the same server, for a test whose replicas must not share work with others. */
    public static synchronized PostgresDatabase fresh() {
        PostgresDatabase server = get();
        String database = uniqueName();
        // Always through the maintenance database: the hooks may drop the other test databases concurrently.
        String admin = "jdbc:postgresql://" + server.host + ":" + server.port + "/postgres";
        execute(admin, server.user, server.password, "create database " + database);
        Runtime.getRuntime().addShutdownHook(new Thread(() ->
                execute(admin, server.user, server.password, "drop database if exists " + database + " with (force)")));
        return new PostgresDatabase(server.host, server.port, database, server.user, server.password);
    }

    private static String uniqueName() {
        return "tp_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    public String r2dbcUrl() {
        return "r2dbc:postgresql://" + host + ":" + port + "/" + database;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public String name() {
        return database;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    /** The settings that point a service's JDBC (db-scheduler, Flyway) and R2DBC pools at this database. */
    public Map<String, Object> connectionProperties() {
        return Map.of(
                "spring.datasource.url", jdbcUrl(),
                "spring.datasource.username", user,
                "spring.datasource.password", password,
                "spring.r2dbc.url", r2dbcUrl(),
                "spring.r2dbc.username", user,
                "spring.r2dbc.password", password);
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException noDocker) {
            return false;
        }
    }

    @SuppressWarnings("resource")
    private static PostgresDatabase inContainer() {
        PostgreSQLContainer container = new PostgreSQLContainer("postgres:15-alpine");
        container.start();
        return new PostgresDatabase(container.getHost(), container.getFirstMappedPort(), container.getDatabaseName(),
                container.getUsername(), container.getPassword());
    }

    private static PostgresDatabase onLocalServer() {
        String host = System.getenv().getOrDefault("TEST_POSTGRES_HOST", "127.0.0.1");
        int port = Integer.parseInt(System.getenv().getOrDefault("TEST_POSTGRES_PORT", "5432"));
        String user = System.getenv().getOrDefault("TEST_POSTGRES_USER", "postgres");
        String password = System.getenv().getOrDefault("TEST_POSTGRES_PASSWORD", "");
        String database = uniqueName();
        String admin = "jdbc:postgresql://" + host + ":" + port + "/postgres";
        execute(admin, user, password, "create database " + database);
        Runtime.getRuntime().addShutdownHook(new Thread(() ->
                execute(admin, user, password, "drop database if exists " + database + " with (force)")));
        return new PostgresDatabase(host, port, database, user, password);
    }

    private static void execute(String url, String user, String password, String sql) {
        try (Connection connection = DriverManager.getConnection(url, user, password);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL for tests is not reachable at " + url
                    + " (no Docker engine either). Start it, e.g. with .ci/run's start step: " + e.getMessage(), e);
        }
    }
}
