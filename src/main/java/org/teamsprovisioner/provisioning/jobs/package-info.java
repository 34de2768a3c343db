/**
 * The db-scheduler adapter: one durable execution per team request, run by any replica, which calls
 * {@code ProvisionTeam} for the next step and reschedules itself for the one after; the recurring
 * purge of expired idempotency keys; and gauges of the backlog.
 */
package org.teamsprovisioner.provisioning.jobs;
