package org.teamsprovisioner.sandbox.createteam;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Create team's rules for the channels, tabs and apps a request asks for, each citing what it
 * implements. Within a rule, channels are judged in request order and the first problem wins.
 */
public final class ChannelRules {

    /** The name of the team's first channel unless {@code firstChannelName} renames it. */
    public static final String GENERAL = "General";

    /**
     * "Number of channels per team: 1,000 (includes deleted channels)" (Limits and specifications
     * for Microsoft Teams; older revisions said 200). General counts, so a new team has room for
     * 999 more.
     */
    static final int MAX_CHANNELS_PER_TEAM = 1000;

    /** The Teams client's limit for a channel description, the same as the team's. */
    static final int MAX_CHANNEL_DESCRIPTION_LENGTH = 1024;

    /**
     * {@code firstChannelName}: "The name of the first channel in the team. This is an optional
     * property, only applicable when you create a team. If this property isn't specified, the
     * first channel's name is General." (team resource). It names a channel, so channel-name rules apply.
     */
    static final CreateTeamRule FIRST_CHANNEL_NAME = (request, caller) -> request.firstChannelName() == null
            ? Optional.empty()
            : ChannelNames.violation("firstChannelName", request.firstChannelName());

    static final CreateTeamRule CHANNEL_COUNT = (request, caller) ->
            request.channels().size() + 1 > MAX_CHANNELS_PER_TEAM
                    ? Optional.of("A team can have at most " + MAX_CHANNELS_PER_TEAM + " channels, its General channel"
                            + " included; the request asks for " + request.channels().size() + " more.")
                    : Optional.empty();

    /** Every channel: its name, description, type, uniqueness within the team, then its tabs. */
    static final CreateTeamRule CHANNELS = (request, caller) -> {
        Map<String, String> taken = new HashMap<>();
        taken.put(uniquenessKey(generalChannelName(request)), "the General channel");
        List<CreateTeamRequest.Channel> channels = request.channels();
        for (int i = 0; i < channels.size(); i++) {
            CreateTeamRequest.Channel channel = channels.get(i);
            String property = "channels[" + i + "]";
            Optional<String> violation = ChannelNames.violation(property + ".displayName", channel.displayName())
                    .or(() -> description(property, channel.description()))
                    .or(() -> standardOnly(property, channel.membershipType()))
                    .or(() -> unique(property, channel.displayName(), taken))
                    .or(() -> tabs(property, channel.tabs()));
            if (violation.isPresent()) {
                return violation;
            }
        }
        return Optional.empty();
    };

    /** Seed examples 3, 5 and 8: each installed app is bound to an app of the catalog. */
    static final CreateTeamRule INSTALLED_APPS = (request, caller) -> {
        for (int i = 0; i < request.installedApps().size(); i++) {
            Optional<String> violation = TeamsAppBinds.violation("installedApps[" + i + "].teamsApp@odata.bind",
                    request.installedApps().get(i));
            if (violation.isPresent()) {
                return violation;
            }
        }
        return Optional.empty();
    };

    private ChannelRules() {
    }

    public static String generalChannelName(CreateTeamRequest request) {
        return request.firstChannelName() != null ? request.firstChannelName() : GENERAL;
    }

    private static Optional<String> description(String property, String description) {
        return description != null && description.length() > MAX_CHANNEL_DESCRIPTION_LENGTH
                ? Optional.of("The property '" + property + ".description' must be at most "
                        + MAX_CHANNEL_DESCRIPTION_LENGTH + " characters long; it has " + description.length() + ".")
                : Optional.empty();
    }

    /**
     * Create team provisions standard channels; private and shared channels have their own
     * membership and are added afterwards with Create channel. The sandbox refuses them here
     * rather than silently creating a standard channel.
     */
    private static Optional<String> standardOnly(String property, String membershipType) {
        return membershipType == null || membershipType.equalsIgnoreCase("standard")
                ? Optional.empty()
                : Optional.of("The property '" + property + ".membershipType' is '" + membershipType + "': Create team"
                        + " creates standard channels only; create private and shared channels afterwards with"
                        + " POST /teams/{id}/channels.");
    }

    /** Channel names are unique within a team, ignoring case (and surrounding blanks). */
    private static Optional<String> unique(String property, String name, Map<String, String> taken) {
        String previous = taken.putIfAbsent(uniquenessKey(name), property + " ('" + name + "')");
        return previous == null
                ? Optional.empty()
                : Optional.of("The channel name '" + name + "' (" + property + ".displayName) is already used by "
                        + previous + "; channel names must be unique within a team, ignoring case.");
    }

    private static Optional<String> tabs(String channel, List<CreateTeamRequest.Tab> tabs) {
        for (int j = 0; j < tabs.size(); j++) {
            CreateTeamRequest.Tab tab = tabs.get(j);
            String property = channel + ".tabs[" + j + "]";
            Optional<String> violation = TeamsAppBinds.violation(property + ".teamsApp@odata.bind", tab.teamsAppBind());
            if (violation.isEmpty() && (tab.displayName() == null || tab.displayName().isBlank())) {
                violation = Optional.of("The property '" + property + ".displayName' is required: the name of the"
                        + " tab as Teams shows it.");
            }
            if (violation.isPresent()) {
                return violation;
            }
        }
        return Optional.empty();
    }

    private static String uniquenessKey(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }
}
