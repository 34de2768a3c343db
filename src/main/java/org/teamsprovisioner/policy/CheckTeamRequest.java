package org.teamsprovisioner.policy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.teamsprovisioner.graph.DirectoryReader;
import org.teamsprovisioner.graph.DirectoryUser;
import org.teamsprovisioner.provisioning.NewTeamRequest;
import org.teamsprovisioner.provisioning.TeamSpec;
import org.teamsprovisioner.provisioning.Violation;
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
    private final DirectoryReader directory;
    private final RequesterProfiles profiles;

    CheckTeamRequest(OrgPolicy policy, DirectoryReader directory, RequesterProfiles profiles) {
        this.policy = policy;
        this.directory = directory;
        this.profiles = profiles;
    }

    public Mono<PolicyDecision> check(TeamSpec requested, Requester requester) {
        if (requested.owners().size() > policy.properties.owners().max()
                || requested.members().size() > policy.properties.members().max()) {
            // Refused before the directory is read: a list over the limit must not cost a lookup per entry.
            return Mono.just(decide(requested, requester, null, null, null));
        }
        boolean needsProfile = policy.usesRequesterProfile() || policy.properties.owners().requireRequester();
        Set<String> users = new LinkedHashSet<>();
        requested.owners().stream().filter(NewTeamRequest::isUserReference).forEach(users::add);
        requested.members().stream().filter(NewTeamRequest::isUserReference).forEach(users::add);
        if (needsProfile) {
            users.add(requester.id());
        }
        // One read for everyone the check needs, the requester's profile included: cached users cost nothing.
        return directory.findUsers(users)
                .onErrorMap(DirectoryUnavailableException::new)
                .flatMap(found -> (needsProfile ? profiles.of(requester, found) : Mono.just(Optional.<DirectoryUser>empty()))
                        .map(profile -> decide(requested, requester, profile.orElse(null), found, found)));
    }

    /**
     * @param owners directory entries of the listed owners, keyed in lower case; null when the
     *     directory was not read (a list over its limit), so no per-user or profile rule is checked
     */
    PolicyDecision decide(TeamSpec requested, Requester requester, DirectoryUser profile,
            Map<String, DirectoryUser> owners, Map<String, DirectoryUser> members) {
        List<Violation> violations = new ArrayList<>(NewTeamRequest.problemsOf(requested));
        boolean directoryRead = owners != null && members != null;
        String displayName = naming(requested.displayName(), profile, directoryRead, violations);
        String visibility = requested.visibility() == null ? policy.properties.visibility().defaultVisibility().toLowerCase(Locale.ROOT)
                : requested.visibility();
        String template = requested.template() == null ? policy.properties.templates().defaultTemplate() : requested.template();
        // A value Teams does not know at all is already reported; only report a known one the policy excludes.
        if (List.of("private", "public").contains(visibility) && !policy.allowedVisibilities.contains(visibility)) {
            violations.add(new Violation("visibility.notAllowed", "/visibility", "must be one of " + policy.properties.visibility().allowed()));
        }
        if (requested.template() != null && NewTeamRequest.isTemplateId(template) && !policy.allowedTemplates.contains(template)) {
            violations.add(new Violation("template.notAllowed", "/template", "must be one of " + policy.properties.templates().allowed()));
        }
        owners(requested.owners(), owners, requester, profile, violations);
        members(requested.members(), members, violations);
        List<TeamSpec.ChannelSpec> channels = channels(requested.channels(), violations);
        Map<String, Map<String, Object>> settings = settings(requested.settings(), violations);
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

    private void owners(List<String> listed, Map<String, DirectoryUser> found, Requester requester, DirectoryUser profile,
            List<Violation> violations) {
        PolicyProperties.Owners rules = policy.properties.owners();
        if (!listed.isEmpty() && listed.size() < rules.min()) {
            violations.add(new Violation("owners.min", "/owners", "at least " + rules.min() + " owners are required"));
        }
        if (listed.size() > rules.max()) {
            violations.add(new Violation("owners.max", "/owners", "at most " + rules.max() + " owners are allowed"));
        }
        if (found == null) {
            return;
        }
        boolean requesterListed = false;
        for (int i = 0; i < listed.size(); i++) {
            String owner = listed.get(i);
            if (!NewTeamRequest.isUserReference(owner)) {
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

    private static boolean isRequester(String owner, DirectoryUser user, Requester requester, DirectoryUser profile) {
        return owner.equalsIgnoreCase(requester.id())
                || (requester.userPrincipalName() != null && owner.equalsIgnoreCase(requester.userPrincipalName()))
                || (user != null && profile != null && user.id() != null && user.id().equalsIgnoreCase(profile.id()));
    }

    private void members(List<String> listed, Map<String, DirectoryUser> found, List<Violation> violations) {
        PolicyProperties.Members rules = policy.properties.members();
        if (listed.size() > rules.max()) {
            violations.add(new Violation("members.max", "/members", "at most " + rules.max() + " members are allowed in one request"));
        }
        if (found == null) {
            return;
        }
        for (int i = 0; i < listed.size(); i++) {
            String member = listed.get(i);
            if (!NewTeamRequest.isUserReference(member)) {
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
