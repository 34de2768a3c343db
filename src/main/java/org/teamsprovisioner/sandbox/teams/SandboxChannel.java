package org.teamsprovisioner.sandbox.teams;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.teamsprovisioner.sandbox.createteam.CreateTeamRequest;
import org.teamsprovisioner.sandbox.tenant.SandboxTeam;

/**
 * A standard channel of a team, derived from the team rather than stored: every team has the
 * General channel, whose id is the team's own thread id (as in Teams), followed by the channels
 * the Create team request asked for. Derived ids are name-based UUIDs of the team id and the
 * channel's position, so they are stable across calls without any state.
 *
 * @param id {@code 19:...@thread.tacv2}
 * @param displayName as requested; "General" for the General channel
 * @param description as requested; the team's description for General
 * @param isFavoriteByDefault as requested, may be {@code null}
 * @param createdAt when the team was requested
 */
record SandboxChannel(String id, String displayName, String description, Boolean isFavoriteByDefault,
        Instant createdAt) {

    static final String GENERAL = "General";

    static List<SandboxChannel> of(SandboxTeam team) {
        List<SandboxChannel> channels = new ArrayList<>();
        channels.add(new SandboxChannel(team.internalId(), GENERAL, team.description(), null, team.createdAt()));
        List<CreateTeamRequest.Channel> requested = team.channels();
        for (int i = 0; i < requested.size(); i++) {
            CreateTeamRequest.Channel channel = requested.get(i);
            String seed = team.id() + "/channels/" + i;
            String hex = UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)).toString().replace("-", "");
            channels.add(new SandboxChannel("19:" + hex + "@thread.tacv2", channel.displayName(), channel.description(),
                    channel.isFavoriteByDefault(), team.createdAt()));
        }
        return channels;
    }

    static Optional<SandboxChannel> find(SandboxTeam team, String channelId) {
        return of(team).stream().filter(channel -> channel.id().equals(channelId)).findFirst();
    }
}
