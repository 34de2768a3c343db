package org.teamsprovisioner.provisioning.store;

import io.r2dbc.spi.Row;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Component;
import org.teamsprovisioner.provisioning.RequestStatus;
import org.teamsprovisioner.provisioning.RequestSummary;
import org.teamsprovisioner.provisioning.Step;
import org.teamsprovisioner.provisioning.TeamRequest;
import org.teamsprovisioner.request.TeamSpec;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Maps {@link TeamRequest} to and from a {@code team_request} row; the spec is stored as JSON. */
@Component
class TeamRequestRows {

    /** The optional column of {@link RequestSummary#nextRunAt()}, read where one request is read. */
    static final String NEXT_RUN_AT = "next_run_at";

    /** The columns of {@link RequestSummary}: everything callers read, not the spec. */
    static final String SUMMARY_COLUMNS = "id, requester, display_name, status, team_id, operation_id, operation_status, "
            + "operation_attempts, web_url, error_code, error_message, created_at, updated_at";

    private final JsonMapper json;

    TeamRequestRows(JsonMapper json) {
        // Rows written by an older release may carry fields this one dropped; they must still load.
        this.json = json.rebuild().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    }

    GenericExecuteSpec bindAll(GenericExecuteSpec spec, TeamRequest request) {
        return bindState(spec, request)
                .bind("id", request.id())
                .bind("requester", request.requester())
                .bind("display_name", request.spec().displayName())
                .bind("spec", json.writeValueAsString(request.spec()))
                .bind("created_at", R2dbcTeamRequestStore.utc(request.createdAt()));
    }

    /** The columns of each part of the request's state; a part that is absent leaves its columns null. */
    GenericExecuteSpec bindState(GenericExecuteSpec spec, TeamRequest request) {
        TeamRequest.GraphProgress progress = request.progress();
        TeamRequest.GraphOperation operation = progress.operation();
        TeamRequest.Failure error = request.error();
        TeamRequest.Group group = request.group();
        TeamRequest.PendingCall pending = request.pending();
        spec = spec.bind("status", request.status().name())
                .bind("step", request.step().name())
                .bind("step_attempts", request.stepAttempts())
                .bind("members_added", progress.membersAdded())
                .bind("updated_at", R2dbcTeamRequestStore.utc(request.updatedAt()));
        spec = nullable(spec, "team_id", progress.teamId(), String.class);
        spec = nullable(spec, "operation_id", operation == null ? null : operation.id(), String.class);
        spec = nullable(spec, "operation_status", operation == null ? null : operation.status(), String.class);
        spec = nullable(spec, "operation_attempts", operation == null ? null : operation.attemptsCount(), Integer.class);
        spec = nullable(spec, "web_url", progress.webUrl(), String.class);
        spec = nullable(spec, "error_code", error == null ? null : error.code(), String.class);
        spec = nullable(spec, "group_id", group == null ? null : group.id(), String.class);
        spec = nullable(spec, "group_created_at", group == null ? null : utc(group.createdAt()), OffsetDateTime.class);
        spec = nullable(spec, "pending_call", pending == null ? null : pending.call(), String.class);
        spec = nullable(spec, "deadline_at", utc(request.deadlineAt()), OffsetDateTime.class);
        spec = nullable(spec, "pending_since", pending == null ? null : utc(pending.since()), OffsetDateTime.class);
        return nullable(spec, "error_message", error == null ? null : truncate(error.message(), 4000), String.class);
    }

    TeamRequest read(Row row, io.r2dbc.spi.RowMetadata metadata) {
        return new TeamRequest(
                row.get("id", UUID.class),
                row.get("requester", String.class),
                json.readValue(row.get("spec", String.class), TeamSpec.class),
                RequestStatus.valueOf(row.get("status", String.class)),
                Step.valueOf(row.get("step", String.class)),
                new TeamRequest.GraphProgress(row.get("team_id", String.class), operation(row), row.get("web_url", String.class),
                        row.get("members_added", Integer.class)),
                pending(row),
                group(row),
                failure(row),
                row.get("step_attempts", Integer.class),
                row.get("created_at", OffsetDateTime.class).toInstant(),
                row.get("updated_at", OffsetDateTime.class).toInstant(),
                instant(row.get("deadline_at", OffsetDateTime.class)),
                row.get("version", Long.class));
    }

    RequestSummary readSummary(Row row, io.r2dbc.spi.RowMetadata metadata) {
        return new RequestSummary(
                row.get("id", UUID.class),
                row.get("requester", String.class),
                row.get("display_name", String.class),
                RequestStatus.valueOf(row.get("status", String.class)),
                row.get("team_id", String.class),
                row.get("web_url", String.class),
                operation(row),
                failure(row),
                row.get("created_at", OffsetDateTime.class).toInstant(),
                row.get("updated_at", OffsetDateTime.class).toInstant(),
                metadata.contains(NEXT_RUN_AT) ? instant(row.get(NEXT_RUN_AT, OffsetDateTime.class)) : null);
    }

    private static TeamRequest.GraphOperation operation(Row row) {
        String operationId = row.get("operation_id", String.class);
        Integer attempts = row.get("operation_attempts", Integer.class);
        return operationId == null ? null : new TeamRequest.GraphOperation(operationId, row.get("operation_status", String.class),
                attempts == null ? 0 : attempts);
    }

    private static TeamRequest.PendingCall pending(Row row) {
        String call = row.get("pending_call", String.class);
        return call == null ? null : new TeamRequest.PendingCall(call, instant(row.get("pending_since", OffsetDateTime.class)));
    }

    private static TeamRequest.Group group(Row row) {
        String groupId = row.get("group_id", String.class);
        return groupId == null ? null : new TeamRequest.Group(groupId, instant(row.get("group_created_at", OffsetDateTime.class)));
    }

    private static TeamRequest.Failure failure(Row row) {
        String errorCode = row.get("error_code", String.class);
        return errorCode == null ? null : new TeamRequest.Failure(errorCode, row.get("error_message", String.class));
    }

    private static java.time.Instant instant(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime utc(java.time.Instant value) {
        return value == null ? null : R2dbcTeamRequestStore.utc(value);
    }

    /**
     * A unique-key clash with another transaction: a duplicate that committed first, or, on H2, one
     * still in flight, which H2 reports as a lock timeout rather than waiting for it to end.
     */
    static boolean isConflict(Throwable error) {
        return error instanceof DataIntegrityViolationException || error instanceof PessimisticLockingFailureException;
    }

    private static <T> GenericExecuteSpec nullable(GenericExecuteSpec spec, String name, T value, Class<T> type) {
        return value == null ? spec.bindNull(name, type) : spec.bind(name, value);
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
