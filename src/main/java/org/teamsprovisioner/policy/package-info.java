/**
 * The organisation's rules for new teams ({@code provisioner.policy.*}): naming with prefix and
 * suffix from the requester's directory profile, blocked words, owner and member rules, allowed
 * templates and visibilities, locked settings, required channels and apps. {@code CheckTeamRequest}
 * reports every violation at once or returns the spec to provision; {@code DescribePolicy} tells a
 * portal the rules ahead of time. The directory is read through the {@link
 * org.teamsprovisioner.policy.Directory} port; nothing here changes anything.
 */
package org.teamsprovisioner.policy;
