package org.teamsprovisioner.api;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.teamsprovisioner.provisioning.InFlightLimit;

/**
 * The cap on requests in flight is set with the API's other per-caller limits
 * ({@code provisioner.api.rate-limits.in-flight}), and held by the submit use case, which counts them.
 */
@Configuration(proxyBeanMethods = false)
class CallerLimitsConfiguration {

    @Bean
    InFlightLimit inFlightLimit(RateLimitProperties limits) {
        return new InFlightLimit(limits.inFlight());
    }
}
