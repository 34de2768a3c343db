package org.teamsprovisioner.graph;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.r2dbc.core.DatabaseClient;
import org.teamsprovisioner.provisioning.GraphWorkload;
import org.teamsprovisioner.support.MigratedDatabases;
import org.teamsprovisioner.support.TestClock;
import reactor.core.publisher.Flux;

/**
 * The shared pace of the jobs' Graph calls, on PostgreSQL (production) and H2 (the sandbox), with
 * two "replicas" (two pacers with their own memory) on one database and a clock moved by hand.
 */
class GraphPacingTest {

    private static final String TENANT = "pacing-tenant";
    private static final Instant START = Instant.parse("2026-12-01T10:00:00Z");

    static Stream<Arguments> databases() {
        return Stream.of(Arguments.of("PostgreSQL", (Supplier<DatabaseClient>) MigratedDatabases::postgres),
                Arguments.of("H2", (Supplier<DatabaseClient>) MigratedDatabases::h2));
    }

    private static GraphPacing pacer(DatabaseClient db, TestClock clock, String createTeamRate) {
        GraphPacingProperties settings = new GraphPacingProperties(CallRate.valueOf(createTeamRate), CallRate.valueOf("30/1s"),
                CallRate.valueOf("30/1s"), CallRate.valueOf("30/1s"), CallRate.valueOf("3500/10s"), Duration.ofSeconds(2));
        R2dbcGraphWorkloadStore store = new R2dbcGraphWorkloadStore(db);
        return new GraphPacing(store, new WorkloadPauses(store, settings, TENANT, clock, new SimpleMeterRegistry()), settings, TENANT, clock);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void replicasShareOneBudgetAndSlotsComeOneIntervalApart(String name, Supplier<DatabaseClient> database) {
        DatabaseClient db = database.get();
        TestClock clock = TestClock.fixedAt(START);
        GraphPacing first = pacer(db, clock, "10/1s");
        GraphPacing second = pacer(db, clock, "10/1s");

        List<GraphPacing.Permit> permits = Flux.range(0, 40)
                .flatMap(i -> (i % 2 == 0 ? first : second).acquire(GraphWorkload.CREATE_TEAM, null), 16)
                .collectList().block();

        List<GraphPacing.Permit> granted = permits.stream().filter(GraphPacing.Permit::isGranted).toList();
        TreeSet<Instant> slots = new TreeSet<>(permits.stream().filter(permit -> !permit.isGranted())
                .map(GraphPacing.Permit::slot).toList());
        assertThat(granted).as("a burst of one period's worth goes at once").hasSize(10);
        assertThat(slots).as("every deferred job holds its own slot").hasSize(30);
        assertThat(slots.first()).isEqualTo(START.plusSeconds(1));
        List<Instant> ordered = new ArrayList<>(slots);
        for (int i = 1; i < ordered.size(); i++) {
            assertThat(Duration.between(ordered.get(i - 1), ordered.get(i))).isEqualTo(Duration.ofMillis(100));
        }
        assertThat(permits.stream().filter(permit -> !permit.isGranted()))
                .allSatisfy(permit -> assertThat(permit.comeBackAt()).isEqualTo(permit.slot().minusMillis(900)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void jobComingBackAtItsSlotIsGrantedWithoutTakingAnother(String name, Supplier<DatabaseClient> database) {
        DatabaseClient db = database.get();
        TestClock clock = TestClock.fixedAt(START);
        GraphPacing pacing = pacer(db, clock, "1/1s");
        pacing.acquire(GraphWorkload.CREATE_TEAM, null).block();
        GraphPacing.Permit deferred = pacing.acquire(GraphWorkload.CREATE_TEAM, null).block();

        clock.advance(Duration.between(START, deferred.comeBackAt()));
        GraphPacing.Permit back = pacing.acquire(GraphWorkload.CREATE_TEAM, deferred.slot()).block();
        GraphPacing.Permit newcomer = pacing.acquire(GraphWorkload.CREATE_TEAM, null).block();

        assertThat(deferred.isGranted()).isFalse();
        assertThat(deferred.slot()).isEqualTo(START.plusSeconds(1));
        assertThat(back.isGranted()).isTrue();
        assertThat(newcomer.slot()).as("the slot taken by the one who came back is not given again").isEqualTo(START.plusSeconds(2));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void throttlingVoidsHeldSlotsUntilRetryAfterAndResumesAtTheSustainedRate(String name, Supplier<DatabaseClient> database) {
        DatabaseClient db = database.get();
        TestClock clock = TestClock.fixedAt(START);
        GraphPacing pacing = pacer(db, clock, "10/1s");
        List<GraphPacing.Permit> burst = Flux.range(0, 11).concatMap(i -> pacing.acquire(GraphWorkload.CREATE_TEAM, null)).collectList().block();
        GraphPacing.Permit held = burst.get(10);
        // Another replica's call was answered 429 with Retry-After: 5.
        R2dbcGraphWorkloadStore store = new R2dbcGraphWorkloadStore(db);
        store.pause(TENANT, GraphWorkload.CREATE_TEAM, START.plusSeconds(5), CallRate.valueOf("10/1s").burstTolerance()).block();

        clock.advance(Duration.between(START, held.comeBackAt()));
        GraphPacing.Permit voided = pacing.acquire(GraphWorkload.CREATE_TEAM, held.slot()).block();
        List<GraphPacing.Permit> afterPause = Flux.range(0, 3).concatMap(i -> pacing.acquire(GraphWorkload.CREATE_TEAM, null))
                .collectList().block();

        assertThat(held.isGranted()).isFalse();
        assertThat(voided.isGranted()).isFalse();
        assertThat(voided.comeBackAt()).isEqualTo(START.plusSeconds(5));
        assertThat(afterPause).extracting(GraphPacing.Permit::comeBackAt)
                .as("no burst right after a pause: one call per interval from Retry-After on")
                .containsExactly(START.plusSeconds(5).plusMillis(100), START.plusSeconds(5).plusMillis(200),
                        START.plusSeconds(5).plusMillis(300));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void jobComingBackLongAfterItsSlotQueuesAgain(String name, Supplier<DatabaseClient> database) {
        DatabaseClient db = database.get();
        TestClock clock = TestClock.fixedAt(START);
        GraphPacing pacing = pacer(db, clock, "1/1s");
        pacing.acquire(GraphWorkload.CREATE_TEAM, null).block();
        GraphPacing.Permit deferred = pacing.acquire(GraphWorkload.CREATE_TEAM, null).block();
        // Meanwhile others took the next slots.
        for (int i = 0; i < 5; i++) {
            pacing.acquire(GraphWorkload.CREATE_TEAM, null).block();
        }

        clock.advance(Duration.ofSeconds(4));
        GraphPacing.Permit late = pacing.acquire(GraphWorkload.CREATE_TEAM, deferred.slot()).block();

        assertThat(late.isGranted()).isFalse();
        assertThat(late.slot()).isEqualTo(START.plusSeconds(7));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void workloadsArePacedOnTheirOwn(String name, Supplier<DatabaseClient> database) {
        DatabaseClient db = database.get();
        TestClock clock = TestClock.fixedAt(START);
        GraphPacing pacing = pacer(db, clock, "1/1s");
        pacing.acquire(GraphWorkload.CREATE_TEAM, null).block();

        assertThat(pacing.acquire(GraphWorkload.CREATE_TEAM, null).block().isGranted()).isFalse();
        assertThat(pacing.acquire(GraphWorkload.TEAMS_READ, null).block().isGranted()).isTrue();
        assertThat(pacing.acquire(GraphWorkload.DIRECTORY, null).block().isGranted()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void jobsSubmittedInABurstAreScheduledASlotApartFromTheStart(String name, Supplier<DatabaseClient> database) {
        DatabaseClient db = database.get();
        TestClock clock = TestClock.fixedAt(START);
        GraphPacing pacing = pacer(db, clock, "10/1s");

        List<Instant> turns = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            turns.add(pacing.expectedTurn(GraphWorkload.CREATE_TEAM));
        }

        assertThat(turns.subList(0, 10)).as("a period's burst starts at once").containsOnly(START);
        for (int i = 10; i < 30; i++) {
            assertThat(turns.get(i)).isEqualTo(START.plusMillis(100L * (i - 9)));
        }
        // Slots other replicas took move the guess on: this replica's next guess comes after them.
        for (int i = 0; i < 50; i++) {
            pacer(db, clock, "10/1s").acquire(GraphWorkload.CREATE_TEAM, null).block();
        }
        pacing.acquire(GraphWorkload.CREATE_TEAM, null).block();
        assertThat(pacing.expectedTurn(GraphWorkload.CREATE_TEAM)).isEqualTo(START.plusMillis(5100 - 900));
    }
}
