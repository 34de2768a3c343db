package org.teamsprovisioner.webhooks;

import org.teamsprovisioner.provisioning.RequestSummary;

/**
 * The status view of a request, as {@code GET /api/v1/team-requests/{id}} shows it; the api package
 * implements it, so a receiver's {@code data} and a portal's poll are one mapping.
 */
public interface RequestViews {

    Object view(RequestSummary summary);
}
