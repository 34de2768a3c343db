package org.teamsprovisioner.policy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.teamsprovisioner.request.TeamSettings;

/**
 * {@link PolicyProperties} compiled once at start-up: name templates parsed, blocked words indexed,
 * locked settings mapped to Graph's property names and typed. A setting that cannot mean anything
 * stops the service at start-up rather than surprising a portal later.
 */
@Component
class OrgPolicy {

    final PolicyProperties properties;
    final NameTemplate prefix;
    final NameTemplate suffix;
    final BlockedWords blockedWords;
    final Set<String> allowedTemplates;
    final Set<String> allowedVisibilities;
    final Set<String> forbiddenChannels;
    final Map<String, Map<String, Object>> lockedSettings;

    OrgPolicy(PolicyProperties properties) {
        this.properties = properties;
        this.prefix = new NameTemplate(properties.naming().prefix());
        this.suffix = new NameTemplate(properties.naming().suffix());
        this.blockedWords = new BlockedWords(properties.naming().blockedWords());
        this.allowedTemplates = Set.copyOf(properties.templates().allowed());
        this.allowedVisibilities = properties.visibility().allowed().stream().map(v -> v.toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
        this.forbiddenChannels = properties.channels().forbidden().stream().map(n -> n.strip().toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
        this.lockedSettings = locked(properties.lockedSettings());
        require(allowedTemplates.contains(properties.templates().defaultTemplate()),
                "provisioner.policy.templates.default must be one of templates.allowed");
        require(allowedVisibilities.contains(properties.visibility().defaultVisibility().toLowerCase(Locale.ROOT)),
                "provisioner.policy.visibility.default must be one of visibility.allowed");
        require(Set.of("private", "public").containsAll(allowedVisibilities),
                "provisioner.policy.visibility.allowed may only list private and public");
        require(properties.owners().min() <= properties.owners().max(), "provisioner.policy.owners.min exceeds owners.max");
    }

    /**
     * The prefix and suffix as they resolve for a requester, or the attributes their profile lacks
     * (then prefix and suffix are null): what both the check and the effective policy show.
     */
    NameParts nameParts(DirectoryUser profile) {
        java.util.Set<String> missing = new java.util.LinkedHashSet<>(prefix.missing(profile));
        missing.addAll(suffix.missing(profile));
        return missing.isEmpty()
                ? new NameParts(prefix.resolve(profile), suffix.resolve(profile), List.of())
                : new NameParts(null, null, List.copyOf(missing));
    }

    record NameParts(String prefix, String suffix, List<String> missing) {
    }

    boolean usesRequesterProfile() {
        return prefix.usesAttributes() || suffix.usesAttributes();
    }

    private static Map<String, Map<String, Object>> locked(PolicyProperties.LockedSettings settings) {
        Map<String, Map<String, String>> configured = new LinkedHashMap<>();
        configured.put("memberSettings", settings.memberSettings());
        configured.put("guestSettings", settings.guestSettings());
        configured.put("messagingSettings", settings.messagingSettings());
        configured.put("funSettings", settings.funSettings());
        configured.put("discoverySettings", settings.discoverySettings());
        Map<String, Map<String, Object>> locked = new LinkedHashMap<>();
        configured.forEach((group, values) -> values.forEach((key, raw) -> {
            String property = TeamSettings.canonical(key, TeamSettings.PROPERTIES.get(group)).orElseThrow(() ->
                    new IllegalArgumentException("provisioner.policy.locked-settings." + group + " has no property '" + key
                            + "'; Graph's are " + TeamSettings.PROPERTIES.get(group)));
            Object value = property.equals("giphyContentRating") ? raw.strip().toLowerCase(Locale.ROOT) : parseBoolean(group, key, raw);
            require(TeamSettings.isValidValue(property, value),
                    "provisioner.policy.locked-settings." + group + "." + key + " has an invalid value '" + raw + "'");
            locked.computeIfAbsent(group, g -> new LinkedHashMap<>()).put(property, value);
        }));
        return locked;
    }

    private static Object parseBoolean(String group, String key, String raw) {
        return switch (raw.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException(
                    "provisioner.policy.locked-settings." + group + "." + key + " must be true or false, not '" + raw + "'");
        };
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    List<String> requiredChannels() {
        return properties.channels().required().stream().map(String::strip).filter(name -> !name.isEmpty()).toList();
    }
}
