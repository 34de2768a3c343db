/**
 * The simulator's settings, {@code provisioner.sandbox.*} as Spring Boot binds and validates them
 * ({@link org.teamsprovisioner.sandbox.settings.SandboxProperties}), and the directory of seven
 * users a sandbox has when none is configured
 * ({@link org.teamsprovisioner.sandbox.settings.DefaultDirectory}). Every room reads its part of
 * them; this one depends on no other.
 */
package org.teamsprovisioner.sandbox.settings;
