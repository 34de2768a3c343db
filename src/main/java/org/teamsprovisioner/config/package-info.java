/**
 * Wiring that belongs to no feature: the clock every use case reads, the JDBC data source that
 * db-scheduler and Flyway need next to R2DBC, and masking of credentials in actuator's views.
 */
package org.teamsprovisioner.config;
