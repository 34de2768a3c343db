package org.teamsprovisioner.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The step machine docs/architecture.md shows is the one the code runs: the diagram there is rendered
 * from {@link ProvisioningSteps}, so a change to the table that is not in the document fails here. To
 * accept a change: {@code ./mvnw test -Dtest=StepDiagramTest -Dsteps.update=true}, then review the diff.
 */
class StepDiagramTest {

    private static final Path DOCUMENT = Path.of("docs/architecture.md");
    static final String BEGIN = "<!-- Generated from ProvisioningSteps by StepDiagramTest; to change it, change the table and run"
            + " ./mvnw test -Dtest=StepDiagramTest -Dsteps.update=true -->";
    static final String END = "<!-- End of the generated step diagram -->";

    /** The table as a Mermaid state diagram: each step with its Graph calls, and an arrow per outcome. */
    static String mermaid() {
        StringBuilder diagram = new StringBuilder("stateDiagram-v2\n");
        for (ProvisioningSteps.Entry entry : ProvisioningSteps.ENTRIES) {
            diagram.append("    [*] --> ").append(entry.step()).append(" : ").append(entry.label()).append('\n');
        }
        for (ProvisioningSteps.Row row : ProvisioningSteps.ROWS) {
            for (ProvisioningSteps.Call call : row.calls()) {
                diagram.append("    ").append(row.step()).append(" : ").append(call.what()).append(", paced as ")
                        .append(call.workload().key()).append('\n');
            }
            if (row.pendingPost() != null) {
                diagram.append("    ").append(row.step()).append(" : records ").append(row.pendingPost())
                        .append(" as pending before sending it\n");
            }
            for (ProvisioningSteps.Transition transition : row.transitions()) {
                // A failed request keeps its step (a retry resumes there), but in the diagram it leaves the machine.
                String to = transition.status() == RequestStatus.FAILED ? "FAILED" : transition.to().name();
                diagram.append("    ").append(row.step()).append(" --> ").append(to).append(" : ").append(transition.label())
                        .append('\n');
            }
        }
        diagram.append("    DONE : job over, request SUCCEEDED or CANCELLED\n");
        diagram.append("    FAILED : request FAILED, still at the step that failed, where a retry resumes\n");
        diagram.append("    DONE --> [*]\n");
        return diagram.toString();
    }

    static String block() {
        return BEGIN + "\n```mermaid\n" + mermaid() + "```\n" + END;
    }

    @Test
    void architectureDocumentShowsTheStepTableAsTheCodeHasIt() throws IOException {
        String document = Files.readString(DOCUMENT);
        int begin = document.indexOf(BEGIN);
        int end = document.indexOf(END);
        assertThat(begin).as("docs/architecture.md has the generated step diagram's markers").isNotNegative();
        assertThat(end).isGreaterThan(begin);
        String committed = document.substring(begin, end + END.length());
        if (Boolean.getBoolean("steps.update")) {
            Files.writeString(DOCUMENT, document.substring(0, begin) + block() + document.substring(end + END.length()));
            committed = block();
        }
        assertThat(committed).as("the step diagram in docs/architecture.md against ProvisioningSteps; if the change is intended, "
                + "run ./mvnw test -Dtest=StepDiagramTest -Dsteps.update=true").isEqualTo(block());
    }

    @Test
    void everyStepTheJobCanReachIsInTheDiagram() {
        String diagram = mermaid();
        String missing = java.util.Arrays.stream(Step.values()).map(Step::name)
                .filter(step -> !diagram.contains("--> " + step + " ")).collect(Collectors.joining(", "));

        assertThat(missing).as("steps no arrow leads to").isEmpty();
    }
}
