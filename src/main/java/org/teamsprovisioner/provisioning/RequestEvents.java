package org.teamsprovisioner.provisioning;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.teamsprovisioner.request.Caller;

/** The events a change of a request makes, read off the request before and after it. */
final class RequestEvents {

    private RequestEvents() {
    }

    /** @param request as accepted, with the name the policy applied */
    static List<RequestEvent> submitted(TeamRequest request) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("displayName", request.spec().displayName());
        data.put("status", request.status().name());
        data.put("step", request.step().name());
        return List.of(event(request, RequestEvent.Type.SUBMITTED, request.requester(), data));
    }

    static List<RequestEvent> retried(TeamRequest after, Caller caller) {
        return List.of(event(after, RequestEvent.Type.RETRIED, caller.id(), Map.of("step", after.step().name())));
    }

    static List<RequestEvent> cancelled(TeamRequest after, Caller caller) {
        return List.of(event(after, RequestEvent.Type.CANCELLED, caller.id(), Map.of()));
    }

    /** What a change of the request made, with no wait of Graph's to tell. */
    static List<RequestEvent> between(TeamRequest before, TeamRequest after) {
        return between(before, StepResult.done(after), after.updatedAt());
    }

    /**
     * What the job's run changed, in the order it happened: Graph's answers first, then where the
     * request went, or why it waits.
     *
     * @param now when the run ended: a throttled wait changes nothing of the request, so its own time is the event's
     */
    static List<RequestEvent> between(TeamRequest before, StepResult result, Instant now) {
        TeamRequest after = result.request();
        List<RequestEvent> events = new ArrayList<>();
        if (before.hasPendingCall() && !after.hasPendingCall()) {
            // A POST whose answer was lost, checked against what Graph has before anything is sent again.
            boolean found = after.group() != null && before.group() == null
                    || after.progress().teamId() != null && before.progress().teamId() == null
                            && Objects.equals(after.progress().operation(), before.progress().operation());
            events.add(event(after, RequestEvent.Type.RECONCILED, RequestEvent.SERVICE,
                    Map.of("call", before.pending().call(), "found", found)));
        }
        String groupBefore = before.group() == null ? null : before.group().id();
        String groupAfter = after.group() == null ? null : after.group().id();
        if (groupBefore == null && groupAfter != null) {
            events.add(event(after, RequestEvent.Type.GROUP_CREATED, RequestEvent.SERVICE, Map.of("groupId", groupAfter)));
        }
        String teamBefore = before.progress().teamId();
        String teamAfter = after.progress().teamId();
        if (teamAfter != null && !teamAfter.equals(teamBefore)) {
            TeamRequest.GraphOperation operation = after.progress().operation();
            events.add(operation == null || Objects.equals(operation, before.progress().operation())
                    ? event(after, RequestEvent.Type.TEAM_ADOPTED, RequestEvent.SERVICE, Map.of("teamId", teamAfter))
                    : event(after, RequestEvent.Type.TEAM_ID_KNOWN, RequestEvent.SERVICE,
                            Map.of("teamId", teamAfter, "operationId", operation.id())));
        }
        TeamRequest.GraphOperation operationBefore = before.progress().operation();
        TeamRequest.GraphOperation operationAfter = after.progress().operation();
        if (operationBefore != null && operationAfter != null && operationBefore.id().equals(operationAfter.id())
                && !Objects.equals(operationBefore.status(), operationAfter.status())) {
            events.add(event(after, RequestEvent.Type.OPERATION_STATUS_CHANGED, RequestEvent.SERVICE,
                    Map.of("operationId", operationAfter.id(), "status", operationAfter.status())));
        }
        if (after.status() == RequestStatus.FAILED && before.status() != RequestStatus.FAILED) {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("step", after.step().name());
            data.put("code", after.error() == null ? null : after.error().code());
            data.put("message", after.error() == null ? null : after.error().message());
            data.values().removeIf(Objects::isNull);
            events.add(event(after, RequestEvent.Type.FAILED, RequestEvent.SERVICE, data));
            return events;
        }
        if (after.status() == RequestStatus.SUCCEEDED && before.status() != RequestStatus.SUCCEEDED) {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("teamId", teamAfter);
            data.put("webUrl", after.progress().webUrl());
            data.values().removeIf(Objects::isNull);
            events.add(event(after, RequestEvent.Type.SUCCEEDED, RequestEvent.SERVICE, data));
            return events;
        }
        StepResult.Wait wait = result.waiting();
        String retryAt = result.isDone() ? null : now.plus(result.runAgainIn()).toString();
        if (after.step() != before.step() && !after.status().isTerminal()) {
            events.add(event(after, RequestEvent.Type.STEP_REACHED, RequestEvent.SERVICE,
                    Map.of("step", after.step().name(), "from", before.step().name())));
        } else if (wait != null && wait.reason() == StepResult.Wait.Reason.THROTTLED) {
            // Costs the request no try and changes nothing of it, but a portal asking "why so slow" sees it here.
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("step", after.step().name());
            data.put("code", wait.code());
            data.put("retryAt", retryAt);
            data.values().removeIf(Objects::isNull);
            events.add(new RequestEvent(after.id(), 0, now, RequestEvent.Type.THROTTLED, RequestEvent.SERVICE, data));
        } else if (after.step() == before.step() && after.stepAttempts() > before.stepAttempts()) {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("step", after.step().name());
            data.put("failedTries", after.stepAttempts());
            data.put("retryAt", retryAt);
            boolean replicating = wait != null && wait.reason() == StepResult.Wait.Reason.GROUP_REPLICATING;
            if (replicating && after.group() != null) {
                data.put("groupId", after.group().id());
            }
            data.values().removeIf(Objects::isNull);
            // Graph's 404 for a new group is expected for a while (replication), unlike a transient failure.
            events.add(event(after, replicating ? RequestEvent.Type.AWAITING_REPLICATION : RequestEvent.Type.STEP_RETRYING,
                    RequestEvent.SERVICE, data));
        }
        return events;
    }

    private static RequestEvent event(TeamRequest request, RequestEvent.Type type, String actor, Map<String, Object> data) {
        return new RequestEvent(request.id(), 0, request.updatedAt(), type, actor, data);
    }
}
