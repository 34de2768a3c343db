package org.teamsprovisioner.support;

import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.teamsprovisioner.TeamsProvisionerApplication;

/**
 * A whole service instance (a "replica") started inside the test JVM on its own port, for tests
 * that need several instances on one database or one that stops and starts again.
 */
public final class RunningService extends ServiceTestSupport implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final int port;

    private RunningService(ConfigurableApplicationContext context, int port) {
        this.context = context;
        this.port = port;
    }

    /** A sandbox-profile instance on the given PostgreSQL database, with extra properties. */
    public static RunningService onPostgres(PostgresDatabase db, Map<String, Object> properties) {
        return start(db, properties, "sandbox", "test");
    }

    /** The service as the README runs it (sandbox profile, its own in-memory H2), with extra properties. */
    public static RunningService sandbox(Map<String, Object> properties) {
        int port = FreePort.find();
        Map<String, Object> settings = new java.util.HashMap<>(Map.of("server.port", port,
                "provisioner.sandbox.database-name", "tp-" + java.util.UUID.randomUUID()));
        settings.putAll(properties);
        return run(settings, port, new Class<?>[0], "sandbox", "test");
    }

    /** An instance with the given profiles on the given PostgreSQL database, with extra properties. */
    public static RunningService start(PostgresDatabase db, Map<String, Object> properties, String... profiles) {
        return start(db, properties, new Class<?>[0], profiles);
    }

    /** The same, with configuration classes of the test's own (beans the test contributes). */
    public static RunningService start(PostgresDatabase db, Map<String, Object> properties, Class<?>[] configurations,
            String... profiles) {
        int port = FreePort.find();
        Map<String, Object> settings = new java.util.HashMap<>(db.connectionProperties());
        settings.put("server.port", port);
        if (java.util.Arrays.asList(profiles).contains("prod")) {
            // Prod serves actuator on a port of its own (8081): a free one, so replicas in one JVM do not collide.
            settings.put("management.server.port", 0);
        }
        settings.putAll(properties);
        return run(settings, port, configurations, profiles);
    }

    private static RunningService run(Map<String, Object> settings, int port, Class<?>[] configurations, String... profiles) {
        // As command-line arguments: builder "properties" are defaults, which application.yml overrides.
        String[] args = settings.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(TeamsProvisionerApplication.class)
                .sources(configurations)
                .profiles(profiles)
                .run(args);
        return new RunningService(context, port);
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public int managementPort() {
        return context.getEnvironment().getProperty("local.management.port", Integer.class, port);
    }

    @Override
    public void close() {
        context.close();
    }
}
