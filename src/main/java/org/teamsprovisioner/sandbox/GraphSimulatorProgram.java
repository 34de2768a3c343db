package org.teamsprovisioner.sandbox;

import org.teamsprovisioner.AlternativeProgram;

/**
 * The standalone simulator as the jar's second program: {@code TeamsProvisionerApplication.main}
 * finds it through {@code META-INF/services} and runs it instead of the service when the
 * {@code graph-simulator} profile is active, without naming the sandbox.
 */
public final class GraphSimulatorProgram implements AlternativeProgram {

    @Override
    public boolean isRequested(String[] args) {
        return GraphSimulatorApplication.isRequested(args);
    }

    @Override
    public void run(String[] args) {
        GraphSimulatorApplication.run(args);
    }
}
