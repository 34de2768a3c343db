/**
 * Graph's wire as every simulated API sees it: one call
 * ({@link org.teamsprovisioner.sandbox.http.GraphRequest}, top-level or inside a {@code $batch}),
 * its answer ({@link org.teamsprovisioner.sandbox.http.GraphResponse}, built only by
 * {@link org.teamsprovisioner.sandbox.http.GraphExchange} so that every answer carries Graph's
 * correlation headers), Graph's errors and their shape ("Microsoft Graph error responses and
 * resource types"), the caller as read from its token, the app roles each API accepts (each API
 * doc's permissions table: {@link org.teamsprovisioner.sandbox.http.GraphPermissions}), OData
 * resource paths and bind URLs ({@link org.teamsprovisioner.sandbox.http.ODataPath},
 * {@link org.teamsprovisioner.sandbox.http.GraphResource}) and the simulator's own JSON mapper.
 * The bottom of the Graph side: it knows no API, no state and no other room.
 */
package org.teamsprovisioner.sandbox.http;
