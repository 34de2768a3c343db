package org.teamsprovisioner.config;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A JDBC pool next to the R2DBC one. Boot backs off its own DataSource as soon as R2DBC is
 * configured, but Flyway and db-scheduler are JDBC libraries, so the pool is declared here from the
 * usual {@code spring.datasource.*} settings. Request paths use R2DBC only.
 */
@Configuration(proxyBeanMethods = false)
class JdbcDataSourceConfiguration {

    @Bean
    @ConfigurationProperties("spring.datasource")
    DataSourceProperties dataSourceProperties() {
        return new DataSourceProperties();
    }

    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(DataSourceProperties properties) {
        return properties.initializeDataSourceBuilder().type(HikariDataSource.class).build();
    }
}
