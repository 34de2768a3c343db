/**
 * teams-provisioner: an internal REST facade that lets an organisation's portals create Microsoft
 * Teams through Microsoft Graph, within the organisation's policy.
 *
 * <p>A request goes down the packages in one direction: {@code api} (HTTP in) maps it to a command
 * for a use case in {@code provisioning}, which asks {@code policy} for a verdict and stores the
 * approved request with its job; the job's steps call Graph through ports that {@code graph}
 * implements. {@code request} is the model they share. {@code sandbox} simulates Graph and Entra ID
 * and is reached only over HTTP; {@code config} and {@code security} are wiring. See
 * docs/architecture.md.
 */
package org.teamsprovisioner;
