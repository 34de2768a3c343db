package org.teamsprovisioner.request;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The team settings Graph's {@code team} resource documents (memberSettings, guestSettings,
 * messagingSettings, funSettings, discoverySettings) and their properties. Every property is a
 * boolean except {@code funSettings.giphyContentRating} ({@code strict} or {@code moderate}).
 */
public final class TeamSettings {

    public static final Map<String, Set<String>> PROPERTIES = orderedGroups();
    static final Set<String> GIPHY_RATINGS = Set.of("strict", "moderate");

    private TeamSettings() {
    }

    private static Map<String, Set<String>> orderedGroups() {
        Map<String, Set<String>> groups = new LinkedHashMap<>();
        groups.put("memberSettings", Set.of("allowCreateUpdateChannels", "allowCreatePrivateChannels", "allowDeleteChannels",
                "allowAddRemoveApps", "allowCreateUpdateRemoveTabs", "allowCreateUpdateRemoveConnectors"));
        groups.put("guestSettings", Set.of("allowCreateUpdateChannels", "allowDeleteChannels"));
        groups.put("messagingSettings", Set.of("allowUserEditMessages", "allowUserDeleteMessages", "allowOwnerDeleteMessages",
                "allowTeamMentions", "allowChannelMentions"));
        groups.put("funSettings", Set.of("allowGiphy", "giphyContentRating", "allowStickersAndMemes", "allowCustomMemes"));
        groups.put("discoverySettings", Set.of("showInTeamsSearchAndSuggestions"));
        return java.util.Collections.unmodifiableMap(groups);
    }

    /**
     * Graph's spelling of a group or property name written another way (configuration keys arrive
     * lower-cased or kebab-cased from environment variables and properties files).
     */
    public static Optional<String> canonical(String name, Set<String> candidates) {
        String wanted = name.replace("-", "").replace("_", "").toLowerCase(Locale.ROOT);
        return candidates.stream().filter(candidate -> candidate.toLowerCase(Locale.ROOT).equals(wanted)).findFirst();
    }

    /** Whether {@code value} is a valid value of that property; {@code null} never is. */
    public static boolean isValidValue(String property, Object value) {
        if (property.equals("giphyContentRating")) {
            return value instanceof String rating && GIPHY_RATINGS.contains(rating.toLowerCase(Locale.ROOT));
        }
        return value instanceof Boolean;
    }
}
