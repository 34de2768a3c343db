/**
 * The fake tenant's state, in memory and safe for concurrent requests: its users
 * ({@link org.teamsprovisioner.sandbox.tenant.SandboxDirectory}), its groups
 * ({@link org.teamsprovisioner.sandbox.tenant.SandboxGroups}, with the replication delay before
 * Teams sees a new one), its teams and their createTeam operations
 * ({@link org.teamsprovisioner.sandbox.tenant.SandboxTenant}, the status a function of the clock:
 * {@link org.teamsprovisioner.sandbox.tenant.OperationTimeline}), the channel files folders
 * provisioned so far, and the counters of what it has been asked
 * ({@link org.teamsprovisioner.sandbox.tenant.SandboxCounters}). No endpoint lives here: the
 * {@code entra}, {@code directory}, {@code teams} and {@code routes} rooms read and change it.
 */
package org.teamsprovisioner.sandbox.tenant;
