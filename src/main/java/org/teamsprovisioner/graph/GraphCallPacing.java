package org.teamsprovisioner.graph;

import java.time.Instant;
import org.teamsprovisioner.provisioning.CallPacing;
import org.teamsprovisioner.provisioning.GraphWorkload;
import reactor.core.publisher.Mono;

/** Provisioning's {@link CallPacing} port over {@link GraphPacing}, the pace shared by every replica in the database. */
class GraphCallPacing implements CallPacing {

    private final GraphPacing pacing;

    GraphCallPacing(GraphPacing pacing) {
        this.pacing = pacing;
    }

    @Override
    public Instant expectedTurn(GraphWorkload workload) {
        return pacing.expectedTurn(workload);
    }

    @Override
    public Mono<Permit> acquire(GraphWorkload workload, Instant held) {
        return pacing.acquire(workload, held)
                .map(permit -> permit.isGranted() ? Permit.GRANTED : new Permit(permit.comeBackAt(), permit.slot()))
                .onErrorMap(GraphException.class, GraphCallFailures::of);
    }
}
