package org.teamsprovisioner.provisioning;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.teamsprovisioner.request.TeamSpec;
import org.teamsprovisioner.support.TestClock;

/**
 * {@link ProvisionTeam} with its steps wired to {@link InMemoryGraph} and an in-memory store, on a
 * clock the test moves: step logic without Spring, HTTP or a database. A run is what one job
 * execution does; the test plays the scheduler by moving the clock to the next run.
 */
final class InMemoryProvisioning {

    static final Instant START = Instant.parse("2025-03-03T09:00:00Z");
    static final String ALICE = "alice@contoso.com";

    final TestClock clock = TestClock.fixedAt(START);
    final InMemoryGraph graph = new InMemoryGraph(clock);
    final InMemoryTeamRequestStore store = new InMemoryTeamRequestStore();
    final ProvisioningProperties properties;
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final ProvisionTeam provisionTeam;

    InMemoryProvisioning() {
        this(defaults());
    }

    InMemoryProvisioning(ProvisioningProperties properties) {
        this.properties = properties;
        TeamSucceeded succeeded = new TeamSucceeded(properties, clock);
        provisionTeam = new ProvisionTeam(store, List.of(new CreateGroupInGraph(graph, clock), new CreateTeamInGraph(graph, properties, clock),
                new PollTeamOperation(graph, properties, clock), new ReadCreatedTeam(graph, succeeded, clock),
                new AddMembersToTeam(graph, succeeded, clock), new CheckFilesFolder(graph, clock)), graph, properties,
                new ProvisioningMetrics(meters), clock);
    }

    /** The service's defaults (application.yml leaves them as the properties record declares them). */
    static ProvisioningProperties defaults() {
        return with(10, Duration.ofMinutes(5));
    }

    static ProvisioningProperties with(int retryMaxAttempts, Duration filesFolderCheck) {
        return new ProvisioningProperties(Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofSeconds(2), Duration.ofMinutes(5),
                retryMaxAttempts, Duration.ofHours(1), 3, Duration.ofSeconds(10), Duration.ofMinutes(15), Duration.ofMinutes(2),
                Duration.ofMinutes(5), filesFolderCheck);
    }

    static TeamSpec direct(String name) {
        return spec(name, List.of(ALICE), List.of(), null, "direct");
    }

    static TeamSpec groupFirst(String name) {
        return spec(name, List.of(ALICE), List.of(), null, "group-first");
    }

    static TeamSpec spec(String name, List<String> owners, List<String> members, String existingGroupId, String mode) {
        return new TeamSpec(name, null, "private", "standard", owners, members, List.of(), existingGroupId, null, null, mode);
    }

    UUID submit(TeamSpec spec) {
        TeamRequest request = TeamRequest.accept(UUID.randomUUID(), new NewTeamRequest(ALICE, spec), clock.instant(),
                properties.deadline());
        return store.create(request, clock.instant(), RequestEvents.submitted(request)).block().id();
    }

    TeamRequest request(UUID id) {
        return store.find(id).block();
    }

    /** One run of the request's job: the wait until the next run, or null when the job is over. */
    Duration runNextStep(UUID id) {
        ProvisionTeam.NextRun next = provisionTeam.runNextStep(id, null).block();
        return next.isDone() ? null : Duration.between(clock.instant(), next.at());
    }

    /** Runs the job, moving the clock to each next run, until it is over; the request as it ends. */
    TeamRequest runToEnd(UUID id) {
        for (int run = 0; run < 200; run++) {
            Duration wait = runNextStep(id);
            if (wait == null) {
                return request(id);
            }
            clock.advance(wait);
        }
        throw new AssertionError("Team request " + id + " still running after 200 runs: " + request(id));
    }

    /** Runs the job until the request reaches this step (or the job ends); the request then. */
    TeamRequest runUntil(UUID id, Step step) {
        for (int run = 0; run < 200 && request(id).step() != step; run++) {
            Duration wait = runNextStep(id);
            if (wait == null) {
                break;
            }
            clock.advance(wait);
        }
        return request(id);
    }
}
