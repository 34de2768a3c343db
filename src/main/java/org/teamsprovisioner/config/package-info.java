/**
 * Wiring that belongs to no feature: the clock every use case reads, the JDBC data source that
 * db-scheduler and Flyway need next to R2DBC, masking of credentials in actuator's views, binary
 * results from PostgreSQL, and no tracing auto-configuration while traces are not exported.
 */
package org.teamsprovisioner.config;
