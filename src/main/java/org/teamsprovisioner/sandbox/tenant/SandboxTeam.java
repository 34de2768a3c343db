package org.teamsprovisioner.sandbox.tenant;

import java.time.Instant;
import java.util.List;

import org.teamsprovisioner.sandbox.createteam.CreateTeamRequest;

/**
 * A team of the fake tenant together with the createTeam operation that brings it to life
 * (Graph creates each team through exactly one such operation). Immutable; the status is
 * derived from the clock by {@link OperationTimeline}.
 *
 * @param id the team (= group) id
 * @param operationId the teamsAsyncOperation id
 * @param displayName as requested
 * @param description as requested, may be {@code null}
 * @param visibility as Graph answers it: public, private or hiddenMembership
 * @param template the base template id, or {@code null} for a template definition
 * @param internalId the Teams thread id, {@code 19:...@thread.tacv2}
 * @param createdAt when the POST arrived
 * @param failing whether the operation will end {@code failed}
 * @param owners object ids of the owners the request named (resolved from ids or UPNs)
 * @param channels the channels the request asked for
 * @param details what else the request set: General's name, settings, apps, migration
 */
public record SandboxTeam(
        String id,
        String operationId,
        String displayName,
        String description,
        String visibility,
        String template,
        String internalId,
        Instant createdAt,
        boolean failing,
        List<String> owners,
        List<CreateTeamRequest.Channel> channels,
        SandboxTeamDetails details) {

    public SandboxTeam {
        owners = List.copyOf(owners);
        channels = List.copyOf(channels);
    }

    /**
     * The team's createdDateTime: when the POST arrived, or for a team created in migration mode
     * the time it was created in the source system (seed example 9). The operation still runs
     * from {@link #createdAt}.
     */
    public Instant createdDateTime() {
        return details.importedCreatedDateTime() != null ? details.importedCreatedDateTime() : createdAt;
    }

    /** The key form Graph itself uses in Location and targetResourceLocation. */
    public String location() {
        return "/teams('" + id + "')";
    }

    public String operationLocation() {
        return location() + "/operations('" + operationId + "')";
    }
}
