package org.teamsprovisioner.config;

import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Since Boot 3, /actuator/configprops and /actuator/env mask every value by default, and show every value, secrets
 * included, once {@code management.endpoint.*.show-values} lets them: the key-based masking of Boot 2 only applies
 * through a {@link SanitizingFunction}. This one keeps what is likely a credential masked even then: keys ending in
 * password, secret, key or token, or containing credentials ({@code provisioner.graph.client-secret},
 * {@code provisioner.graph.credential.certificate.key-password}, {@code PROVISIONER_DB_PASSWORD}, ...).
 */
@Configuration(proxyBeanMethods = false)
class ActuatorSanitizingConfiguration {

    @Bean
    SanitizingFunction likelyCredentialsStayMasked() {
        return SanitizingFunction.sanitizeValue().ifLikelyCredential();
    }
}
