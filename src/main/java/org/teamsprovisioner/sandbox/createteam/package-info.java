/**
 * The Create team rule set, from Graph's "Create team" doc and its examples, the team, channel,
 * teamsTab and team settings resources, and the Teams limits: the body's shape
 * ({@code TeamSchema}, unknown or wrongly typed properties first), the body read into a
 * {@link org.teamsprovisioner.sandbox.createteam.CreateTeamRequest}, and
 * {@link org.teamsprovisioner.sandbox.createteam.CreateTeamRules}, every rule in the order the
 * sandbox applies them (template, migration mode, the team's properties, channels and tabs, apps,
 * members), the first broken one a 400 in Graph's words. Functions of the request and the caller
 * only: the directory and the tenant's state come after, in {@code teams}.
 */
package org.teamsprovisioner.sandbox.createteam;
