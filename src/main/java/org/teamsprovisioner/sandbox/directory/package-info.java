/**
 * Graph's directory APIs ({@link org.teamsprovisioner.sandbox.directory.DirectoryHandler}): Get
 * user, List users with the {@code $filter ... in (...)} that resolves many users at once,
 * directoryObject: getByIds, Create, Get, List and Delete group, List owners and members in pages
 * of {@code $top}, and {@code $select}, each behind the permission its doc names and answering
 * Entra's directory errors ({@code Request_*}). The rules are those of the user and group resource
 * docs, the advanced-queries doc and Graph's known issues.
 */
package org.teamsprovisioner.sandbox.directory;
