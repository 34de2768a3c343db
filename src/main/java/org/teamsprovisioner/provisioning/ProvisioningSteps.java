package org.teamsprovisioner.provisioning;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.teamsprovisioner.request.TeamSpec;

/**
 * The provisioning job as a table: the one place that says, for each {@link Step}, what it does (its
 * handler and Graph call), which workload's pace the call waits for, which POST is recorded as
 * pending before it is sent, what a 404 means there, and which step each outcome leads to.
 * {@link TeamRequest}'s transitions take their next step and status from here, {@link ProvisionTeam}
 * its handler, workload and pending POST; docs/architecture.md shows it as a diagram rendered from
 * it (StepDiagramTest).
 */
final class ProvisioningSteps {

    /** How a run of a step ended, when it did not fail; a transient failure is a retry of the same step instead. */
    enum Outcome {
        GROUP_CREATED,
        GROUP_AGE_READ,
        TEAM_ACCEPTED,
        TEAM_ADOPTED,
        OPERATION_OBSERVED,
        OPERATION_SUCCEEDED,
        MEMBERS_TO_ADD,
        MEMBERS_ADDED,
        TEAM_COMPLETE,
        TEAM_COMPLETE_UNCHECKED,
        FOLLOW_UP_DONE,
        CANCELLED,
        FAILED
    }

    /** What a 404 from the step's call means. */
    enum OnNotFound {
        /** Final: nothing Graph has announced is being read. */
        FAIL,
        /** Graph is eventually consistent: an operation or team it has just announced can 404 for a short while. */
        RETRY,
        /**
         * A team made from a group: Graph may answer 404 while the group replicates to Teams, up to 15
         * minutes after it was created. Final when the team is created without a group.
         */
        AWAIT_GROUP_REPLICATION
    }

    /**
     * @param status the request's status afterwards; null when it keeps its status
     * @param label what happened, as the diagram shows it
     */
    record Transition(Outcome outcome, Step to, RequestStatus status, String label) {
    }

    /**
     * A Graph call a step makes.
     *
     * @param what the call, as the diagram shows it
     * @param workload whose pace the call waits for
     * @param when whether the step's run makes this call (the first of its calls that applies)
     */
    record Call(String what, GraphWorkload workload, Predicate<TeamRequest> when) {

        static Call always(String what, GraphWorkload workload) {
            return new Call(what, workload, request -> true);
        }
    }

    /**
     * @param handler what runs the step; null for {@link Step#DONE}
     * @param calls the Graph calls the step may make, one per run
     * @param pendingPost the POST recorded before the step runs, so a lost answer leads to reconciliation; null when none
     * @param followUp the team exists and the request has SUCCEEDED: giving up ends the follow-up, never FAILED
     */
    record Row(Step step, Class<? extends StepHandler> handler, List<Call> calls, String pendingPost, OnNotFound onNotFound,
            boolean followUp, List<Transition> transitions) {

        /** The workload of this run's call, whose pace it waits for; null when the step calls nothing. */
        GraphWorkload workload(TeamRequest request) {
            return calls.stream().filter(call -> call.when().test(request)).findFirst().map(Call::workload).orElse(null);
        }

        boolean leadsTo(Outcome outcome) {
            return transitions.stream().anyMatch(t -> t.outcome() == outcome);
        }

        Transition transition(Outcome outcome) {
            return transitions.stream().filter(t -> t.outcome() == outcome).findFirst()
                    .orElseThrow(() -> new IllegalStateException("Step " + step + " has no outcome " + outcome));
        }
    }

    /** Where a job starts, with the diagram's label for it. */
    record Entry(Step step, String label) {
    }

    static final List<Entry> ENTRIES = List.of(
            new Entry(Step.CREATE_GROUP, "group-first"),
            new Entry(Step.CREATE_TEAM, "direct, or from an existing group"));

    private static final String REFUSED = "Graph refused, or tries used up";

    static final List<Row> ROWS = List.of(
            new Row(Step.CREATE_GROUP, CreateGroupInGraph.class,
                    List.of(Call.always("POST /groups, Unified, mailNickname team-(request id), at most 20 owners and members",
                            GraphWorkload.DIRECTORY)),
                    "POST /groups", OnNotFound.FAIL, false, List.of(
                            new Transition(Outcome.GROUP_CREATED, Step.CREATE_TEAM, RequestStatus.PROVISIONING,
                                    "group created, or found by its mailNickname"),
                            new Transition(Outcome.CANCELLED, Step.DONE, RequestStatus.CANCELLED, "cancelled before any Graph call"),
                            new Transition(Outcome.FAILED, Step.CREATE_GROUP, RequestStatus.FAILED, REFUSED))),
            new Row(Step.CREATE_TEAM, CreateTeamInGraph.class, List.of(
                            // An existing group is read first: its age tells replication lag from a missing group.
                            new Call("GET /groups/(id) of an existing group, first, for its age", GraphWorkload.DIRECTORY,
                                    request -> request.group() != null && request.group().createdAt() == null),
                            Call.always("POST /teams, bound to the group if there is one", GraphWorkload.CREATE_TEAM)),
                    "POST /teams", OnNotFound.AWAIT_GROUP_REPLICATION, false, List.of(
                            new Transition(Outcome.GROUP_AGE_READ, Step.CREATE_TEAM, null, "existing group read first, for its age"),
                            new Transition(Outcome.TEAM_ACCEPTED, Step.AWAIT_OPERATION, RequestStatus.PROVISIONING,
                                    "202 with its operation, polled after poll-initial-delay"),
                            new Transition(Outcome.TEAM_ADOPTED, Step.READ_TEAM, RequestStatus.PROVISIONING,
                                    "409 on its own group, or found after a lost answer"),
                            new Transition(Outcome.CANCELLED, Step.DONE, RequestStatus.CANCELLED, "cancelled before any Graph call"),
                            new Transition(Outcome.FAILED, Step.CREATE_TEAM, RequestStatus.FAILED,
                                    REFUSED + ", no such group, or still none after the replication window"))),
            new Row(Step.AWAIT_OPERATION, PollTeamOperation.class,
                    List.of(Call.always("GET /teams(id)/operations(id)", GraphWorkload.TEAMS_READ)), null, OnNotFound.RETRY, false, List.of(
                            new Transition(Outcome.OPERATION_OBSERVED, Step.AWAIT_OPERATION, RequestStatus.PROVISIONING,
                                    "not ended, read again after poll-interval or a longer Retry-After"),
                            new Transition(Outcome.OPERATION_SUCCEEDED, Step.READ_TEAM, RequestStatus.PROVISIONING, "succeeded"),
                            new Transition(Outcome.FAILED, Step.AWAIT_OPERATION, RequestStatus.FAILED,
                                    "operation failed (with its error code), or tries used up"))),
            new Row(Step.READ_TEAM, ReadCreatedTeam.class, List.of(Call.always("GET /teams/(id) for its webUrl", GraphWorkload.GET_TEAM)),
                    null, OnNotFound.RETRY, false, List.of(
                            new Transition(Outcome.MEMBERS_TO_ADD, Step.ADD_MEMBERS, RequestStatus.PROVISIONING,
                                    "members the create call could not carry"),
                            new Transition(Outcome.TEAM_COMPLETE, Step.CHECK_FILES_FOLDER, RequestStatus.SUCCEEDED,
                                    "SUCCEEDED, files folder read after files-folder-check"),
                            new Transition(Outcome.TEAM_COMPLETE_UNCHECKED, Step.DONE, RequestStatus.SUCCEEDED,
                                    "SUCCEEDED, files-folder-check is 0"),
                            new Transition(Outcome.FAILED, Step.READ_TEAM, RequestStatus.FAILED, REFUSED))),
            new Row(Step.ADD_MEMBERS, AddMembersToTeam.class,
                    List.of(Call.always("POST /teams/(id)/members/add, 200 per run", GraphWorkload.TEAMS_WRITE)), null, OnNotFound.RETRY, false, List.of(
                            new Transition(Outcome.MEMBERS_ADDED, Step.ADD_MEMBERS, null, "a chunk added, count stored"),
                            new Transition(Outcome.TEAM_COMPLETE, Step.CHECK_FILES_FOLDER, RequestStatus.SUCCEEDED,
                                    "SUCCEEDED, files folder read after files-folder-check"),
                            new Transition(Outcome.TEAM_COMPLETE_UNCHECKED, Step.DONE, RequestStatus.SUCCEEDED,
                                    "SUCCEEDED, files-folder-check is 0"),
                            new Transition(Outcome.FAILED, Step.ADD_MEMBERS, RequestStatus.FAILED, REFUSED))),
            new Row(Step.CHECK_FILES_FOLDER, CheckFilesFolder.class,
                    List.of(Call.always("GET /teams/(id), then its General channel's filesFolder", GraphWorkload.TEAMS_READ)), null, OnNotFound.RETRY, true, List.of(
                            new Transition(Outcome.FOLLOW_UP_DONE, Step.DONE, null, "read, or given up, still SUCCEEDED"))),
            new Row(Step.DONE, null, List.of(), null, OnNotFound.FAIL, false, List.of()));

    private static final Map<Step, Row> BY_STEP = new EnumMap<>(Step.class);

    static {
        ROWS.forEach(row -> BY_STEP.put(row.step(), row));
        for (Step step : Step.values()) {
            if (!BY_STEP.containsKey(step)) {
                throw new ExceptionInInitializerError("Step " + step + " has no row in the provisioning table");
            }
        }
    }

    private ProvisioningSteps() {
    }

    static Row of(Step step) {
        return BY_STEP.get(step);
    }

    /** Where a new request's job starts. */
    static Step firstStep(TeamSpec spec) {
        return spec.createsGroupFirst() ? Step.CREATE_GROUP : Step.CREATE_TEAM;
    }

    /** The Graph workload of the request's next call, whose pace it waits for; null when the step calls nothing. */
    static GraphWorkload workloadOf(TeamRequest request) {
        return of(request.step()).workload(request);
    }
}
