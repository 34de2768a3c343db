package org.teamsprovisioner.config;

import io.r2dbc.spi.Option;
import org.springframework.boot.r2dbc.autoconfigure.ConnectionFactoryOptionsBuilderCustomizer;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Results from PostgreSQL in binary format. In text format r2dbc-postgresql parses every
 * {@code timestamptz} with a {@code DateTimeFormatter}: a profile of the status read under load
 * (JFR, docs/benchmarks.md) spent about 8 % of all CPU there, for three columns a row. Binary is a
 * number of microseconds. The driver's {@code forceBinary} option; other databases (H2) are left alone.
 */
@Configuration(proxyBeanMethods = false)
class PostgresBinaryResults {

    @Bean
    ConnectionFactoryOptionsBuilderCustomizer forceBinaryOnPostgres(R2dbcProperties properties) {
        boolean postgres = properties.getUrl() != null && properties.getUrl().startsWith("r2dbc:postgresql:");
        return builder -> {
            if (postgres) {
                builder.option(Option.valueOf("forceBinary"), true);
            }
        };
    }
}
