package org.teamsprovisioner.sandbox.tenant;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

import org.teamsprovisioner.sandbox.http.DirectoryErrors;
import org.teamsprovisioner.sandbox.http.GraphException;
import org.teamsprovisioner.sandbox.settings.SandboxProperties;

/**
 * The fake tenant's groups, in memory and safe for concurrent requests. Reads are lock-free;
 * writes that must see a consistent tenant (the mailNickname uniqueness check) are serialized,
 * which costs nothing measurable because they do no I/O.
 */
public final class SandboxGroups {

    private final Map<String, SandboxGroup> groups = new ConcurrentHashMap<>();
    private final Duration replicationDelay;
    private final String mailDomain;

    /**
     * @param start the instant the sandbox starts: when the configured existing groups were
     *        created, and already replicated
     * @throws IllegalArgumentException naming the setting, when an existing group is invalid
     */
    public SandboxGroups(SandboxProperties.Groups settings, SandboxDirectory directory, Instant start) {
        this.replicationDelay = settings.replicationDelay();
        this.mailDomain = settings.mailDomain();
        List<SandboxProperties.ExistingGroup> existing = settings.existing();
        for (int i = 0; i < existing.size(); i++) {
            seed(existing.get(i), "provisioner.sandbox.groups.existing[" + i + "]", directory, start);
        }
    }

    private void seed(SandboxProperties.ExistingGroup existing, String setting, SandboxDirectory directory,
            Instant start) {
        String id = existing.id().toLowerCase(Locale.ROOT);
        if (groups.containsKey(id)) {
            throw new IllegalArgumentException(setting + ".id: another existing group has the id " + id + ".");
        }
        String nickname = existing.mailNickname() != null ? existing.mailNickname()
                : MailNickname.derive(existing.displayName(), id, this::nicknameTaken);
        MailNickname.violation(nickname).ifPresent(reason -> {
            throw new IllegalArgumentException(setting + ".mail-nickname: " + reason);
        });
        if (nicknameTaken(nickname)) {
            throw new IllegalArgumentException(setting + ".mail-nickname: '" + nickname + "' is already used.");
        }
        groups.put(id, new SandboxGroup(id, existing.displayName(), existing.description(), nickname,
                nickname + "@" + mailDomain, existing.visibility(), true, false, start, start,
                userIds(existing.owners(), setting + ".owners", directory),
                userIds(existing.members(), setting + ".members", directory)));
    }

    private static List<String> userIds(List<String> keys, String setting, SandboxDirectory directory) {
        return keys.stream()
                .map(key -> directory.user(key).orElseThrow(() -> new IllegalArgumentException(setting + ": '" + key
                        + "' is not a user of provisioner.sandbox.directory.users.")).id())
                .distinct()
                .toList();
    }

    public String mailDomain() {
        return mailDomain;
    }

    /**
     * The group as created by POST /groups, with a new id.
     *
     * @throws GraphException 400 when a Microsoft 365 group already uses the mailNickname
     */
    public synchronized SandboxGroup create(NewGroup request, List<String> owners, List<String> members,
            Instant now) {
        if (request.unified() && nicknameTaken(request.mailNickname())) {
            // Graph's message, word for word.
            throw DirectoryErrors.badRequest("Another object with the same value for property mailNickname already exists.");
        }
        SandboxGroup group = new SandboxGroup(UUID.randomUUID().toString(), request.displayName(),
                request.description(), request.mailNickname(),
                request.unified() ? request.mailNickname() + "@" + mailDomain : null,
                request.unified() ? request.visibility() : null, request.unified(), request.securityEnabled(), now,
                now.plus(replicationDelay), owners, members);
        groups.put(group.id(), group);
        return group;
    }

    /**
     * The Microsoft 365 group Graph creates behind every team made with POST /teams (not from a
     * group): same id, name, description and visibility; the owners are members too, as in Teams.
     */
    public synchronized SandboxGroup createForTeam(SandboxTeam team, List<String> owners, List<String> members) {
        String nickname = MailNickname.derive(team.displayName(), team.id(), this::nicknameTaken);
        String visibility = "private".equalsIgnoreCase(team.visibility()) ? "Private" : "Public";
        SandboxGroup group = new SandboxGroup(team.id(), team.displayName(), team.description(), nickname,
                nickname + "@" + mailDomain, visibility, true, false, team.createdAt(), team.createdAt(), owners,
                members);
        groups.put(group.id(), group);
        return group;
    }

    public Optional<SandboxGroup> group(String id) {
        return Optional.ofNullable(groups.get(id.toLowerCase(Locale.ROOT)));
    }

    /**
     * Whether the Teams backend sees the group yet. The directory itself (GET /groups) sees it at
     * once; only Teams lags, for {@code provisioner.sandbox.groups.replication-delay}.
     */
    public boolean replicatedToTeams(SandboxGroup group, Instant now) {
        return !now.isBefore(group.replicatedAt());
    }

    /** Every group, oldest first, so that listings and {@code _state} are stable. */
    public List<SandboxGroup> groups() {
        return groups.values().stream()
                .sorted(Comparator.comparing(SandboxGroup::createdAt).thenComparing(SandboxGroup::id))
                .toList();
    }

    public Optional<SandboxGroup> delete(String id) {
        return Optional.ofNullable(groups.remove(id.toLowerCase(Locale.ROOT)));
    }

    /** Applies a membership change atomically; empty when the group does not exist (any more). */
    public Optional<SandboxGroup> update(String id, UnaryOperator<SandboxGroup> change) {
        return Optional.ofNullable(groups.computeIfPresent(id.toLowerCase(Locale.ROOT), (key, group) -> change.apply(group)));
    }

    private boolean nicknameTaken(String nickname) {
        return groups.values().stream()
                .anyMatch(group -> group.unified() && group.mailNickname().equalsIgnoreCase(nickname));
    }
}
