package org.teamsprovisioner.security;

import java.util.Arrays;
import java.util.List;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Stops start-up when a simulator profile is active together with {@code prod}: the sandbox's token
 * endpoint signs tokens for any user and roles, and a prod service would accept them. Registered in
 * {@code META-INF/spring.factories}, so it runs for every entry point (the service and the standalone
 * simulator), after the profiles from the command line, the environment and the config files are known.
 */
class ProdProfileGuard implements EnvironmentPostProcessor {

    static final String PROD = "prod";
    static final List<String> SIMULATORS = List.of("sandbox", "graph-simulator");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        List<String> active = Arrays.asList(environment.getActiveProfiles());
        if (!active.contains(PROD)) {
            return;
        }
        List<String> simulators = SIMULATORS.stream().filter(active::contains).toList();
        if (!simulators.isEmpty()) {
            throw new IllegalStateException("The profile " + PROD + " must not be active together with " + String.join(" or ", simulators)
                    + " (active: " + String.join(",", active) + "): the simulator issues tokens for any user and role, and"
                    + " prod would accept them. Run prod alone, pointed at the standalone simulator by URL if needed (docs/sandbox.md).");
        }
    }
}
