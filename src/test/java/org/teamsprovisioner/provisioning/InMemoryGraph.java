package org.teamsprovisioner.provisioning;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.teamsprovisioner.request.TeamSpec;
import reactor.core.publisher.Mono;

/**
 * Graph as provisioning's ports see it, in memory: groups and teams that calls create, and failures a
 * test scripts for the next calls of a kind. A scripted failure can come after Graph did the work
 * (an answer lost on the way back), which is what reconciliation is for. Every slot is granted at once.
 */
final class InMemoryGraph implements TeamCreation, TeamProgress, CallPacing {

    enum Call {
        CREATE_GROUP, CREATE_TEAM, FIND_GROUP, FIND_GROUPS_BY_MAIL_NICKNAME, FIND_GROUPS_BY_DISPLAY_NAME, OPERATION, TEAM,
        ADD_MEMBERS, FILES_FOLDER
    }

    private record Scripted(GraphCallFailed failure, boolean actedAnyway) {
    }

    record StoredGroup(String id, String displayName, String mailNickname, Instant createdAt, List<String> owners,
            List<String> members) {
    }

    private final Clock clock;
    private final Map<Call, Deque<Scripted>> script = new EnumMap<>(Call.class);
    private final List<Call> calls = new ArrayList<>();
    private final List<GraphWorkload> paced = new ArrayList<>();
    private final Map<String, StoredGroup> groups = new LinkedHashMap<>();
    private final Map<String, String> teamOfGroup = new LinkedHashMap<>();
    private final Deque<Operation> operationAnswers = new ArrayDeque<>();
    private final List<List<String>> memberChunks = new ArrayList<>();

    InMemoryGraph(Clock clock) {
        this.clock = clock;
        for (Call call : Call.values()) {
            script.put(call, new ArrayDeque<>());
        }
    }

    // --- scripting

    /** The next {@code times} calls of this kind fail, without Graph doing anything. */
    InMemoryGraph failNext(Call call, int times, GraphCallFailed failure) {
        for (int i = 0; i < times; i++) {
            script.get(call).add(new Scripted(failure, false));
        }
        return this;
    }

    InMemoryGraph failNext(Call call, GraphCallFailed failure) {
        return failNext(call, 1, failure);
    }

    /** Graph carries out the next call of this kind, but its answer is lost: the caller gets this failure. */
    InMemoryGraph loseAnswerOfNext(Call call, GraphCallFailed failure) {
        script.get(call).add(new Scripted(failure, true));
        return this;
    }

    /** What the next operation polls answer, in order; once they are used up, operations have succeeded. */
    InMemoryGraph nextOperationAnswers(Operation... answers) {
        operationAnswers.addAll(List.of(answers));
        return this;
    }

    /** A team already made from the group (someone else's, or made before this request). */
    InMemoryGraph existingTeam(String groupId) {
        teamOfGroup.put(groupId, groupId);
        return this;
    }

    /** A group that exists before the request, as an existing group does. */
    InMemoryGraph existingGroup(String id, Instant createdAt) {
        groups.put(id, new StoredGroup(id, "Existing", "existing-" + id, createdAt, List.of(), List.of()));
        return this;
    }

    // --- what happened

    List<Call> calls() {
        return List.copyOf(calls);
    }

    long callsOf(Call call) {
        return calls.stream().filter(call::equals).count();
    }

    List<GraphWorkload> paced() {
        return List.copyOf(paced);
    }

    List<StoredGroup> groups() {
        return List.copyOf(groups.values());
    }

    long teams() {
        return teamOfGroup.size();
    }

    List<List<String>> memberChunks() {
        return List.copyOf(memberChunks);
    }

    // --- TeamCreation

    @Override
    public Mono<Group> createGroup(GroupToCreate group) {
        return call(Call.CREATE_GROUP, () -> {
            StoredGroup stored = new StoredGroup(UUID.randomUUID().toString(), group.displayName(), group.mailNickname(),
                    clock.instant(), group.owners(), group.members());
            groups.put(stored.id(), stored);
            return new Group(stored.id(), stored.createdAt());
        });
    }

    @Override
    public Mono<Accepted> createTeam(TeamSpec spec, String groupId) {
        return call(Call.CREATE_TEAM, () -> {
            String id = groupId;
            if (groupId == null) {
                // A team created directly comes with its group, which has the team's name and id.
                id = UUID.randomUUID().toString();
                groups.put(id, new StoredGroup(id, spec.displayName(), "direct-" + id, clock.instant(), spec.owners(), spec.members()));
            } else if (!groups.containsKey(groupId)) {
                throw failure(GraphCallFailed.Kind.NOT_FOUND, false, null, 404, "NotFound");
            } else if (teamOfGroup.containsKey(groupId)) {
                throw failure(GraphCallFailed.Kind.CONFLICT, false, null, 409, "Conflict");
            }
            teamOfGroup.put(id, id);
            return new Accepted(id, "operation-" + id);
        });
    }

    @Override
    public Mono<Group> findGroup(String groupId) {
        return call(Call.FIND_GROUP, () -> groups.get(groupId)).map(InMemoryGraph::group);
    }

    @Override
    public Mono<List<Group>> findGroupsByMailNickname(String mailNickname) {
        return call(Call.FIND_GROUPS_BY_MAIL_NICKNAME, () -> groups.values().stream()
                .filter(group -> group.mailNickname().equals(mailNickname)).map(InMemoryGraph::group).toList());
    }

    @Override
    public Mono<List<Group>> findGroupsByDisplayName(String displayName) {
        return call(Call.FIND_GROUPS_BY_DISPLAY_NAME, () -> groups.values().stream()
                .filter(group -> group.displayName().equals(displayName)).map(InMemoryGraph::group).toList());
    }

    // --- TeamProgress

    @Override
    public Mono<Operation> operation(String teamId, String operationId) {
        return call(Call.OPERATION, () -> operationAnswers.isEmpty() ? new Operation("succeeded", 1, null, null)
                : operationAnswers.poll());
    }

    @Override
    public Mono<Team> team(String teamId) {
        return call(Call.TEAM, () -> {
            if (!teamOfGroup.containsKey(teamId)) {
                throw failure(GraphCallFailed.Kind.NOT_FOUND, false, null, 404, "NotFound");
            }
            return new Team("https://teams.example/" + teamId, "19:" + teamId + "@thread.tacv2");
        });
    }

    @Override
    public Mono<List<String>> addMembers(String teamId, List<String> owners, List<String> members) {
        return call(Call.ADD_MEMBERS, () -> {
            List<String> chunk = new ArrayList<>(owners);
            chunk.addAll(members);
            memberChunks.add(chunk);
            return List.<String>of();
        });
    }

    @Override
    public Mono<Void> touchFilesFolder(String teamId, String channelId) {
        return call(Call.FILES_FOLDER, () -> Boolean.TRUE).then();
    }

    // --- CallPacing

    @Override
    public Instant expectedTurn(GraphWorkload workload) {
        return clock.instant();
    }

    @Override
    public Mono<Permit> acquire(GraphWorkload workload, Instant held) {
        return Mono.fromSupplier(() -> {
            paced.add(workload);
            return Permit.GRANTED;
        });
    }

    // --- failures as the graph adapter reports them

    static GraphCallFailed throttled(Duration retryAfter) {
        return failure(GraphCallFailed.Kind.POSTPONED, false, retryAfter, 429, "TooManyRequests");
    }

    static GraphCallFailed unavailable() {
        return failure(GraphCallFailed.Kind.TRANSIENT, false, null, 503, "ServiceUnavailable");
    }

    /** A POST that timed out after it was sent: Graph may have acted on it. */
    static GraphCallFailed noAnswer() {
        return failure(GraphCallFailed.Kind.TRANSIENT, true, null, 0, "ServiceUnreachable");
    }

    static GraphCallFailed notFound() {
        return failure(GraphCallFailed.Kind.NOT_FOUND, false, null, 404, "NotFound");
    }

    static GraphCallFailed refused(String code) {
        return failure(GraphCallFailed.Kind.REFUSED, false, null, 400, code);
    }

    static GraphCallFailed failure(GraphCallFailed.Kind kind, boolean ambiguous, Duration retryAfter, int status, String code) {
        return new GraphCallFailed(kind, ambiguous, retryAfter, status, code, "Summary of HTTP " + status + ".",
                "Graph's own text for " + code, null);
    }

    private <T> Mono<T> call(Call call, java.util.function.Supplier<T> work) {
        return Mono.defer(() -> {
            calls.add(call);
            Scripted next = script.get(call).poll();
            if (next != null && !next.actedAnyway()) {
                return Mono.error(next.failure());
            }
            T result = work.get();
            return next != null ? Mono.error(next.failure()) : Mono.justOrEmpty(result);
        });
    }

    private static Group group(StoredGroup stored) {
        return new Group(stored.id(), stored.createdAt());
    }
}
