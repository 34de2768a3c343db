package org.teamsprovisioner.webhooks;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.teamsprovisioner.provisioning.RequestEvent;

/** The CloudEvents {@code type} of each event of a request's history: {@code org.teamsprovisioner.teamrequest.succeeded}. */
public final class EventTypes {

    public static final String PREFIX = "org.teamsprovisioner.teamrequest.";

    private EventTypes() {
    }

    public static String of(RequestEvent.Type type) {
        return PREFIX + type.wireName();
    }

    public static Optional<RequestEvent.Type> parse(String cloudEventType) {
        if (cloudEventType == null || !cloudEventType.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String wire = cloudEventType.substring(PREFIX.length());
        return Arrays.stream(RequestEvent.Type.values()).filter(type -> type.wireName().equals(wire)).findFirst();
    }

    public static List<String> all() {
        return Arrays.stream(RequestEvent.Type.values()).map(EventTypes::of).toList();
    }
}
