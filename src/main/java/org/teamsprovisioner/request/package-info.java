/**
 * The team request as the policy and provisioning share it: what was asked for ({@code TeamSpec},
 * with the settings and channels), who asks ({@code Caller}), what is wrong with it
 * ({@code Violation}) and the limits Microsoft Teams and Graph set on it ({@code TeamsLimits},
 * {@code ChannelNames}). Plain values, free of Spring, of the web and of the database; depends on no
 * other package of the service.
 */
package org.teamsprovisioner.request;
