package org.teamsprovisioner.policy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.teamsprovisioner.request.Caller;
import org.teamsprovisioner.request.ListLimits;
import org.teamsprovisioner.request.TeamSpec;
import org.teamsprovisioner.request.TeamsLimits;
import org.teamsprovisioner.request.Violation;
import reactor.core.publisher.Mono;

/**
 * Applies the organisation's policy to a requested team: reports every problem at once (Teams'
 * own limits and the org's rules), or returns the spec to provision with the policy applied. Reads
 * the directory through Graph (requester profile for name attributes, owners and members) and
 * changes nothing, so previews and submissions give the same answer.
 */
@Service
public class CheckTeamRequest {

    private final OrgPolicy policy;
    private final Directory directory;
    private final ListLimits limits;

    CheckTeamRequest(OrgPolicy policy, Directory directory) {
        this.policy = policy;
        this.directory = directory;
        PolicyProperties properties = policy.properties;
        this.limits = new ListLimits(properties.owners().max(), properties.members().max(), properties.channels().max()).withinTeams();
    }

    public Mono<PolicyDecision> check(TeamSpec requested, Caller requester) {
        if (requested.owners().size() > limits.owners() || requested.members().size() > limits.members()
                || requested.channels().size() > limits.channels()) {
            // Refused before the directory is read: a list over the limit must not cost a lookup per entry.
            return Mono.just(decide(requested, requester, null, null, null, false));
        }
        boolean needsProfile = policy.usesRequesterProfile() || policy.properties.owners().requireRequester();
        Set<String> users = new LinkedHashSet<>();
        requested.owners().stream().filter(TeamsLimits::isUserReference).forEach(users::add);
        requested.members().stream().filter(TeamsLimits::isUserReference).forEach(users::add);
        if (needsProfile) {
            users.add(requester.id());
        }
        // One read for everyone the check needs, the requester's profile included: cached users cost nothing.
        return Mono.zip(directory.findUsers(users), mayUseGroup(requested.existingGroupId(), requester))
                .onErrorMap(error -> error instanceof DirectoryUnavailableException ? error : new DirectoryUnavailableException(error))
                .map(read -> decide(requested, requester, needsProfile ? RequesterProfiles.of(requester, read.getT1()).orElse(null) : null,
                        read.getT1(), read.getT1(), read.getT2()));
    }

    /**
     * Whether the requester may turn {@code groupId} into a team: they own it, or hold the manage-all
     * role. Without this, anyone could make the app (which may change every group) add them as an
     * owner of any group's new team. True when there is no group to check (none asked for, or not a
     * GUID, which is reported as such).
     */
    private Mono<Boolean> mayUseGroup(String groupId, Caller requester) {
        if (!TeamsLimits.isObjectId(groupId) || requester.managesAll()) {
            return Mono.just(true);
        }
        return directory.groupOwners(groupId)
                .map(owners -> owners.map(ids -> ids.contains(requester.id().toLowerCase(Locale.ROOT))).orElse(false));
    }

    /** As {@link #decide(TeamSpec, Caller, DirectoryUser, Map, Map, boolean)}, for a request that names no group the requester may use. */
    PolicyDecision decide(TeamSpec requested, Caller requester, DirectoryUser profile,
            Map<String, DirectoryUser> owners, Map<String, DirectoryUser> members) {
        return decide(requested, requester, profile, owners, members, false);
    }

    /**
     * @param owners directory entries of the listed owners, keyed in lower case; null when the
     *     directory was not read (a list over its limit), so no per-user, profile or group rule is checked
     * @param mayUseGroup whether the requester may turn the request's {@code existingGroupId} into a team
     */
    PolicyDecision decide(TeamSpec requested, Caller requester, DirectoryUser profile,
            Map<String, DirectoryUser> owners, Map<String, DirectoryUser> members, boolean mayUseGroup) {
        List<Violation> violations = new ArrayList<>(TeamsLimits.problemsOf(requested, limits));
        boolean directoryRead = owners != null && members != null;
        String displayName = naming(requested.displayName(), profile, directoryRead, violations);
        String visibility = requested.visibility() == null ? policy.properties.visibility().defaultVisibility().toLowerCase(Locale.ROOT)
                : requested.visibility();
        String template = requested.template() == null ? policy.properties.templates().defaultTemplate() : requested.template();
        // A value Teams does not know at all is already reported; only report a known one the policy excludes.
        if (List.of("private", "public").contains(visibility) && !policy.allowedVisibilities.contains(visibility)) {
            violations.add(new Violation("visibility.notAllowed", "/visibility", "must be one of " + policy.properties.visibility().allowed()));
        }
        if (requested.template() != null && TeamsLimits.isTemplateId(template) && !policy.allowedTemplates.contains(template)) {
            violations.add(new Violation("template.notAllowed", "/template", "must be one of " + policy.properties.templates().allowed()));
        }
        owners(requested.owners(), owners, requester, profile, violations);
        members(requested.members(), members, violations);
        List<TeamSpec.ChannelSpec> channels = channels(requested.channels(), violations);
        Map<String, Map<String, Object>> settings = settings(requested.settings(), violations);
        if (directoryRead && TeamsLimits.isObjectId(requested.existingGroupId()) && !mayUseGroup) {
            // The same words whether the group does not exist or belongs to others: the answer must not tell them apart.
            violations.add(new Violation("existingGroupId.notOwner", "/existingGroupId",
                    "must be a Microsoft 365 group the requester owns; ask one of the group's owners to request the team"));
        }
        List<Violation> ordered = Violations.ordered(violations);
        if (!ordered.isEmpty()) {
            return new PolicyDecision(null, displayName, ordered);
        }
        TeamSpec approved = new TeamSpec(displayName, requested.description(), visibility, template, requested.owners(),
                requested.members(), channels, requested.existingGroupId(), settings, policy.properties.apps().alwaysInstalled(),
                policy.properties.creationMode().wireValue());
        return new PolicyDecision(approved, displayName, List.of());
    }

    /** Prefix + name + suffix, or null when the requester's profile lacks an attribute they need. */
    private String naming(String name, DirectoryUser profile, boolean directoryRead, List<Violation> violations) {
        if (name == null || name.isEmpty()) {
            return null;
        }
        PolicyProperties.Naming naming = policy.properties.naming();
        for (String word : policy.blockedWords.foundIn(name)) {
            violations.add(new Violation("naming.blockedWord", "/displayName", "contains the blocked word '" + word + "'"));
        }
        name.codePoints().filter(c -> naming.disallowedCharacters().indexOf(c) >= 0).distinct().forEach(c ->
                violations.add(new Violation("naming.character", "/displayName", "may not contain '" + Character.toString(c) + "'")));
        OrgPolicy.NameParts parts = policy.nameParts(profile);
        if (!directoryRead && !parts.missing().isEmpty()) {
            return null;
        }
        if (!parts.missing().isEmpty()) {
            violations.add(new Violation("naming.attributeMissing", "/displayName", "the naming policy needs the requester's "
                    + String.join(", ", parts.missing()) + (profile == null ? ", but the requester is not in the directory"
                    : ", which the directory profile does not have")));
            return null;
        }
        String full = parts.prefix() + name + parts.suffix();
        if (full.length() > naming.maxLength()) {
            violations.add(new Violation("naming.length", "/displayName", "becomes '" + full + "' (" + full.length()
                    + " characters) with the naming policy's prefix and suffix; at most " + naming.maxLength() + " are allowed"));
        }
        return full;
    }

    private void owners(List<String> listed, Map<String, DirectoryUser> found, Caller requester, DirectoryUser profile,
            List<Violation> violations) {
        PolicyProperties.Owners rules = policy.properties.owners();
        if (!listed.isEmpty() && listed.size() < rules.min()) {
            violations.add(new Violation("owners.min", "/owners", "at least " + rules.min() + " owners are required"));
        }
        if (found == null || listed.size() > limits.owners()) {
            return;
        }
        boolean requesterListed = false;
        for (int i = 0; i < listed.size(); i++) {
            String owner = listed.get(i);
            if (!TeamsLimits.isUserReference(owner)) {
                continue; // already reported as malformed
            }
            DirectoryUser user = found.get(owner.toLowerCase(Locale.ROOT));
            if (user == null) {
                violations.add(new Violation("owners.unknown", "/owners/" + i, "'" + owner + "' is not in the directory"));
            } else if (user.isGuest()) {
                violations.add(new Violation("owners.guest", "/owners/" + i, "'" + owner + "' is a guest; owners must be members of the organisation"));
            }
            requesterListed |= isRequester(owner, user, requester, profile);
        }
        if (rules.requireRequester() && !requesterListed) {
            violations.add(new Violation("owners.requester", "/owners", "must include the requester"));
        }
    }

    /**
     * By object id only: listed as the token's {@code oid}, or as a name the directory resolves to the
     * requester's own entry. Never by the token's sign-in name, which users can change to someone else's.
     */
    private static boolean isRequester(String owner, DirectoryUser user, Caller requester, DirectoryUser profile) {
        return owner.equalsIgnoreCase(requester.id())
                || (user != null && profile != null && user.id() != null && user.id().equalsIgnoreCase(profile.id()));
    }

    private void members(List<String> listed, Map<String, DirectoryUser> found, List<Violation> violations) {
        PolicyProperties.Members rules = policy.properties.members();
        if (found == null || listed.size() > limits.members()) {
            return;
        }
        for (int i = 0; i < listed.size(); i++) {
            String member = listed.get(i);
            if (!TeamsLimits.isUserReference(member)) {
                continue; // already reported as malformed
            }
            DirectoryUser user = found.get(member.toLowerCase(Locale.ROOT));
            if (user == null) {
                violations.add(new Violation("members.unknown", "/members/" + i, "'" + member + "' is not in the directory"));
            } else if (user.isGuest() && !rules.allowGuests()) {
                violations.add(new Violation("members.guest", "/members/" + i, "'" + member + "' is a guest; the policy does not allow guests"));
            }
        }
    }

    /** The requested channels plus the policy's required ones, which are added when missing. */
    private List<TeamSpec.ChannelSpec> channels(List<TeamSpec.ChannelSpec> requested, List<Violation> violations) {
        List<TeamSpec.ChannelSpec> channels = new ArrayList<>(requested);
        if (requested.size() > limits.channels()) {
            return channels; // reported as a whole, entries unchecked
        }
        Set<String> names = new LinkedHashSet<>();
        for (int i = 0; i < requested.size(); i++) {
            TeamSpec.ChannelSpec channel = requested.get(i);
            if (channel == null || channel.displayName() == null) {
                continue;
            }
            names.add(channel.displayName().toLowerCase(Locale.ROOT));
            if (policy.forbiddenChannels.contains(channel.displayName().toLowerCase(Locale.ROOT))) {
                violations.add(new Violation("channels.forbidden", "/channels/" + i + "/displayName",
                        "'" + channel.displayName() + "' is not allowed by the organisation's policy"));
            }
        }
        for (String required : policy.requiredChannels()) {
            if (names.add(required.toLowerCase(Locale.ROOT))) {
                channels.add(new TeamSpec.ChannelSpec(required, null, true));
            }
        }
        if (channels.size() > policy.properties.channels().max()) {
            violations.add(new Violation("channels.max", "/channels", "at most " + policy.properties.channels().max()
                    + " channels are allowed" + (channels.size() > requested.size() ? ", including the "
                    + (channels.size() - requested.size()) + " the policy adds" : "")));
        }
        return channels;
    }

    /** The requested settings with the locked ones forced; asking for a different locked value is a violation. */
    private Map<String, Map<String, Object>> settings(Map<String, Map<String, Object>> requested, List<Violation> violations) {
        Map<String, Map<String, Object>> settings = new LinkedHashMap<>();
        requested.forEach((group, values) -> settings.put(group, new LinkedHashMap<>(values == null ? Map.of() : values)));
        policy.lockedSettings.forEach((group, locked) -> locked.forEach((property, value) -> {
            Object asked = settings.getOrDefault(group, Map.of()).get(property);
            if (asked != null && !sameValue(asked, value)) {
                violations.add(new Violation("settings.locked", "/settings/" + group + "/" + property,
                        "is locked to " + value + " by the organisation's policy"));
            }
            settings.computeIfAbsent(group, g -> new LinkedHashMap<>()).put(property, value);
        }));
        return settings;
    }

    private static boolean sameValue(Object asked, Object locked) {
        return asked instanceof String text ? text.equalsIgnoreCase(String.valueOf(locked)) : asked.equals(locked);
    }
}
