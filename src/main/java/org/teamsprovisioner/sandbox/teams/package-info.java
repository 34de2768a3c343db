/**
 * Graph's Teams APIs over the fake tenant: Create team, its teamsAsyncOperation and Get team
 * ({@link org.teamsprovisioner.sandbox.teams.TeamsHandler}; "Create team", "Get
 * teamsAsyncOperation"), a team made from an existing group ({@code group@odata.bind}), and what
 * lives under a team: its channels, a channel's filesFolder and {@code members/add}
 * ({@link org.teamsprovisioner.sandbox.teams.TeamPartsHandler}). Create team applies
 * {@code createteam}'s rules, then resolves the members against the directory, then changes the
 * tenant, in Graph's order.
 */
package org.teamsprovisioner.sandbox.teams;
