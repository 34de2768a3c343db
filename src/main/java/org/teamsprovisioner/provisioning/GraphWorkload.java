package org.teamsprovisioner.provisioning;

import java.util.Locale;

/**
 * The rows of Microsoft's Graph throttling tables that this service's calls fall into. Graph
 * throttles each separately ("writes are throttled but reads are still permitted", Microsoft
 * Graph throttling guidance), so each has its own pause after a 429, its own circuit breaker and
 * its own pace: a backlog of team creations never stalls the directory reads a submit needs. It
 * lives in the core because which workload a step's call belongs to is the step table's knowledge;
 * the {@code graph} adapter keys its pauses, breakers and paces by it.
 */
public enum GraphWorkload {

    /** {@code POST /teams}: Teams service limit 10 requests per second per app per tenant. */
    CREATE_TEAM,
    /** {@code GET /teams/{id}}: 30 rps per app per tenant. */
    GET_TEAM,
    /** Other GETs under {@code /teams}, e.g. {@code teamsAsyncOperation} polls and files folders: 30 rps. */
    TEAMS_READ,
    /** Other calls under {@code /teams}, e.g. {@code members/add}: 30 rps. */
    TEAMS_WRITE,
    /** Users and groups (Identity and access service limits, 3,500 requests per 10 s for a large tenant). */
    DIRECTORY;

    /** The key in settings, in the database, in job data and in metric tags, e.g. {@code create-team}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
