package org.teamsprovisioner.sandbox.createteam;

import java.util.List;
import java.util.Optional;

import org.teamsprovisioner.sandbox.http.ODataPath;

/**
 * {@code teamsApp@odata.bind} values, as Create team's installedApps and pinned tabs send them:
 * {@code https://graph.microsoft.com/v1.0/appCatalogs/teamsApps('{id}')} (seed examples 3, 5
 * and 8). {@code appCatalogs} is a singleton, so only the key form and the path form
 * {@code appCatalogs/teamsApps/{id}} address one app.
 */
public final class TeamsAppBinds {

    static final String EXAMPLE = "https://graph.microsoft.com/v1.0/appCatalogs/teamsApps('com.microsoft.teamspace.tab.web')";

    private TeamsAppBinds() {
    }

    /** The app id a bind addresses, or empty when it does not address one app of the catalog. */
    public static Optional<String> appId(String bind) {
        List<ODataPath.Segment> segments = ODataPath.bindPath(bind).orElse(List.of());
        if (segments.size() < 2 || segments.get(0).key() != null || !segments.get(0).name().equalsIgnoreCase("appCatalogs")) {
            return Optional.empty();
        }
        List<ODataPath.Step> steps = ODataPath.steps(segments.subList(1, segments.size()));
        if (steps.size() != 1 || !steps.get(0).is("teamsApps") || steps.get(0).key() == null || steps.get(0).key().isBlank()) {
            return Optional.empty();
        }
        return Optional.of(steps.get(0).key());
    }

    /** @param property e.g. {@code installedApps[0].teamsApp@odata.bind} */
    static Optional<String> violation(String property, String bind) {
        if (bind == null) {
            return Optional.of("The property '" + property + "' is required: bind the app with a URL like " + EXAMPLE
                    + ".");
        }
        return appId(bind).isPresent()
                ? Optional.empty()
                : Optional.of("The property '" + property + "' must address one app of the catalog, like " + EXAMPLE
                        + "; got '" + bind + "'.");
    }
}
