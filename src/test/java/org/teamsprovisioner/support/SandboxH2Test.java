package org.teamsprovisioner.support;

/**
 * The service as a newcomer runs it: sandbox profile, embedded H2, in-process Graph simulator; a
 * port and a database of its own for each application context (see {@link SandboxServiceTest}).
 */
public abstract class SandboxH2Test extends SandboxServiceTest {
}
