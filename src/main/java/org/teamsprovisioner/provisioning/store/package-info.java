/**
 * The R2DBC adapter of the provisioning core's stores: team requests and idempotency keys on
 * PostgreSQL (H2 in the sandbox), with optimistic versions, and a request stored in the same
 * statement or transaction as its job's row.
 */
package org.teamsprovisioner.provisioning.store;
