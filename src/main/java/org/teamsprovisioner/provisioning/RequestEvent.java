package org.teamsprovisioner.provisioning;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * One change of a team request, as its history shows it. Events are appended in the same
 * transaction as the change they describe, so the history never shows a change that rolled back
 * and never misses one that committed.
 *
 * @param id monotonic per request, from 1; 0 until the store has appended the event
 * @param actor the caller's id for what a caller did (submit, retry, cancel), else {@value #SERVICE}
 * @param data a small object of the change's facts (step, team id, Graph's status or error code)
 */
public record RequestEvent(UUID requestId, long id, Instant time, Type type, String actor, Map<String, Object> data) {

    /** The actor of what the provisioning job did. */
    public static final String SERVICE = "service";

    public RequestEvent {
        if (requestId == null || time == null || type == null || actor == null) {
            throw new IllegalArgumentException("requestId, time, type and actor are required");
        }
        data = data == null ? Map.of() : Map.copyOf(data);
    }

    public enum Type {
        SUBMITTED,
        RECONCILED,
        GROUP_CREATED,
        TEAM_ID_KNOWN,
        TEAM_ADOPTED,
        OPERATION_STATUS_CHANGED,
        STEP_REACHED,
        STEP_RETRYING,
        THROTTLED,
        AWAITING_REPLICATION,
        RETRIED,
        CANCELLED,
        SUCCEEDED,
        FAILED;

        /** The request became terminal: nothing follows unless a caller retries it. */
        public boolean isTerminal() {
            return this == SUCCEEDED || this == FAILED || this == CANCELLED;
        }

        /** As the API and the stored rows spell it: {@code step-reached}. */
        public String wireName() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        public static Type fromWireName(String wireName) {
            return valueOf(wireName.toUpperCase(Locale.ROOT).replace('-', '_'));
        }
    }
}
