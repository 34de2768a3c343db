package org.teamsprovisioner.sandbox;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.teamsprovisioner.security.LocalTokenIssuerKeys;
import org.teamsprovisioner.sandbox.entra.SandboxIssuer;
import org.teamsprovisioner.sandbox.routes.SandboxRoutes;
import org.teamsprovisioner.sandbox.settings.SandboxProperties;

/**
 * Runs the Microsoft Graph and Entra ID simulator inside the service when the {@code sandbox}
 * profile is active, on the service's own port under {@code /sandbox/**}; or alone, under the
 * {@code graph-simulator} profile (see {@link GraphSimulatorApplication}).
 *
 * <p>The application's security configuration must let {@code /sandbox/**} through without
 * authentication or CSRF protection: the simulator authenticates Graph calls itself, exactly
 * as Graph would.
 */
@Configuration(proxyBeanMethods = false)
@Profile({"sandbox", GraphSimulatorApplication.PROFILE})
@EnableConfigurationProperties(SandboxProperties.class)
public class SandboxConfiguration {

    /** The sandbox's Entra ID signing key, generated once per application start. */
    @Bean
    SandboxIssuer sandboxIssuer() {
        return SandboxIssuer.generate();
    }

    /**
     * The public key of the sandbox token issuer, for the service's resource server to validate
     * the user tokens that {@code POST /sandbox/token} issues. Holds no private key material. Only
     * in the service's sandbox profile: the standalone simulator has no API to protect.
     */
    @Bean
    @Profile("sandbox")
    LocalTokenIssuerKeys sandboxTokenIssuerKeys(SandboxIssuer sandboxIssuer) {
        return sandboxIssuer::publicJwkSet;
    }

    /**
     * The simulator's endpoints. It uses the application's {@link Clock} when there is exactly
     * one, so a test that moves the service's time moves the fake tenant's with it; otherwise
     * the system UTC clock.
     */
    @Bean
    public RouterFunction<ServerResponse> sandboxRouter(SandboxProperties properties, SandboxIssuer sandboxIssuer,
            ObjectProvider<Clock> clock) {
        return SandboxRoutes.create(properties, sandboxIssuer, clock.getIfUnique(Clock::systemUTC)).router();
    }
}
