package org.teamsprovisioner.sandbox;

import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.data.r2dbc.autoconfigure.DataR2dbcAutoConfiguration;
import org.springframework.boot.data.r2dbc.autoconfigure.DataR2dbcRepositoriesAutoConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration;
import org.springframework.boot.security.autoconfigure.ReactiveUserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.actuate.web.reactive.ReactiveManagementWebSecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.client.autoconfigure.reactive.ReactiveOAuth2ClientAutoConfiguration;
import org.springframework.boot.security.oauth2.client.autoconfigure.reactive.ReactiveOAuth2ClientWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.reactive.ReactiveOAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.web.reactive.ReactiveOAuth2ResourceServerWebSecurityAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SimpleCommandLinePropertySource;

/**
 * The simulator on its own: {@code java -jar teams-provisioner.jar --spring.profiles.active=graph-simulator}
 * serves only {@code /sandbox/**} (and health), with no database and no provisioning, so several
 * service instances can share one simulated tenant in load and multi-replica tests. The simulator
 * authenticates its callers itself, as Graph and Entra ID do, so Spring Security is left out.
 */
@SpringBootConfiguration
@EnableAutoConfiguration(exclude = {DataSourceAutoConfiguration.class, R2dbcAutoConfiguration.class,
        DataR2dbcAutoConfiguration.class, DataR2dbcRepositoriesAutoConfiguration.class, FlywayAutoConfiguration.class,
        SecurityAutoConfiguration.class, ReactiveWebSecurityAutoConfiguration.class,
        ReactiveUserDetailsServiceAutoConfiguration.class, ReactiveManagementWebSecurityAutoConfiguration.class,
        ReactiveOAuth2ClientAutoConfiguration.class, ReactiveOAuth2ClientWebSecurityAutoConfiguration.class,
        ReactiveOAuth2ResourceServerAutoConfiguration.class, ReactiveOAuth2ResourceServerWebSecurityAutoConfiguration.class})
@Import(SandboxConfiguration.class)
public class GraphSimulatorApplication {

    public static final String PROFILE = "graph-simulator";

    /** Whether the command line, system properties or environment activate the standalone simulator profile. */
    public static boolean isRequested(String[] args) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new SimpleCommandLinePropertySource(args));
        String active = environment.getProperty("spring.profiles.active", "");
        return Arrays.stream(active.split(",")).map(String::strip).anyMatch(PROFILE::equals);
    }

    public static ConfigurableApplicationContext run(String[] args) {
        SpringApplication application = new SpringApplication(GraphSimulatorApplication.class);
        // Logs then say which program started, not the jar's launcher class.
        application.setMainApplicationClass(GraphSimulatorApplication.class);
        return application.run(args);
    }
}
