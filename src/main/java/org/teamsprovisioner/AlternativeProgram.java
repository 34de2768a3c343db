package org.teamsprovisioner;

/**
 * Another program packaged in the service's jar, which {@code main} runs instead of the service
 * when the command line asks for it ("one jar, two programs"). Found with {@link java.util.ServiceLoader}
 * ({@code META-INF/services}), so that the service names no program it does not need: the Graph
 * simulator, for one, implements this and nothing outside it depends on it.
 */
public interface AlternativeProgram {

    /** Whether the command line, system properties or environment ask for this program. */
    boolean isRequested(String[] args);

    void run(String[] args);
}
