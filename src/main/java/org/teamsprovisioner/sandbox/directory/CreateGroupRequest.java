package org.teamsprovisioner.sandbox.directory;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import tools.jackson.databind.JsonNode;

import org.teamsprovisioner.sandbox.http.DirectoryErrors;
import org.teamsprovisioner.sandbox.tenant.MailNickname;
import org.teamsprovisioner.sandbox.tenant.NewGroup;
import org.teamsprovisioner.sandbox.tenant.SandboxDirectory;

/**
 * A validated POST /groups body, read from the raw JSON tree so that every mistake is a Graph
 * 400 naming the property. The rules are those of Graph's Create group doc: displayName (at most
 * 256 characters), mailEnabled, mailNickname and securityEnabled are required; Graph can create
 * Microsoft 365 groups ({@code groupTypes: ["Unified"]}, mail-enabled) and security groups
 * ({@code groupTypes: []}, not mail-enabled, security-enabled) and nothing else; "a maximum of 20
 * relationships, such as owners and members, can be added as part of group creation".
 *
 * @param visibility {@code Public} or {@code Private}; Graph creates a Microsoft 365 group
 *        {@code Public} when the request does not say
 * @param ownerBinds the {@code owners@odata.bind} URLs, each naming a user
 * @param memberBinds the {@code members@odata.bind} URLs, each naming a user
 */
record CreateGroupRequest(
        String displayName,
        String description,
        String mailNickname,
        boolean unified,
        boolean securityEnabled,
        String visibility,
        List<String> ownerBinds,
        List<String> memberBinds) {

    static final int MAX_DISPLAY_NAME_LENGTH = 256;
    static final int MAX_RELATIONSHIPS = 20;

    private static final String GROUP = "Group";

    CreateGroupRequest {
        ownerBinds = List.copyOf(ownerBinds);
        memberBinds = List.copyOf(memberBinds);
    }

    /** What the tenant needs to create the group, the binds aside. */
    NewGroup group() {
        return new NewGroup(displayName, description, mailNickname, unified, securityEnabled, visibility);
    }

    static CreateGroupRequest from(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw DirectoryErrors.badRequest("The request body must be a JSON object representing a group.");
        }
        String displayName = requiredString(body, "displayName");
        if (displayName.isBlank() || displayName.length() > MAX_DISPLAY_NAME_LENGTH) {
            throw DirectoryErrors.invalidValue("displayName", GROUP, "It must be 1 to " + MAX_DISPLAY_NAME_LENGTH
                    + " characters long and not blank; it has " + displayName.length() + ".");
        }
        boolean mailEnabled = requiredBoolean(body, "mailEnabled");
        String mailNickname = requiredString(body, "mailNickname");
        MailNickname.violation(mailNickname).ifPresent(reason -> {
            throw DirectoryErrors.invalidValue("mailNickname", GROUP, reason);
        });
        boolean securityEnabled = requiredBoolean(body, "securityEnabled");
        boolean unified = unified(body);
        if (unified && !mailEnabled) {
            throw DirectoryErrors.invalidValue("mailEnabled", GROUP, "A Microsoft 365 group (groupTypes [\"Unified\"])"
                    + " is always mail-enabled: set mailEnabled to true.");
        }
        if (!unified && (mailEnabled || !securityEnabled)) {
            throw DirectoryErrors.badRequest("Graph creates only Microsoft 365 groups (groupTypes [\"Unified\"],"
                    + " mailEnabled true) and security groups (groupTypes [], mailEnabled false, securityEnabled true);"
                    + " mail-enabled security groups and distribution groups can't be created through Graph.");
        }
        List<String> owners = binds(body, "owners@odata.bind");
        List<String> members = binds(body, "members@odata.bind");
        if (owners.size() + members.size() > MAX_RELATIONSHIPS) {
            throw DirectoryErrors.badRequest("A maximum of " + MAX_RELATIONSHIPS + " relationships, such as owners and"
                    + " members, can be added as part of group creation; the request has " + owners.size()
                    + " owners@odata.bind and " + members.size() + " members@odata.bind. Add the others afterwards.");
        }
        return new CreateGroupRequest(displayName, optionalString(body, "description"), mailNickname, unified,
                securityEnabled, unified ? visibility(body) : null, owners, members);
    }

    private static boolean unified(JsonNode body) {
        JsonNode types = body.get("groupTypes");
        if (types == null || types.isNull()) {
            return false;
        }
        if (!types.isArray() || types.size() > 1 || types.values().stream().anyMatch(type -> !type.isString())) {
            throw DirectoryErrors.invalidValue("groupTypes", GROUP, "Use [\"Unified\"] for a Microsoft 365 group or []"
                    + " for a security group; the sandbox does not simulate dynamic membership.");
        }
        if (types.isEmpty()) {
            return false;
        }
        if (!"Unified".equalsIgnoreCase(types.get(0).stringValue())) {
            throw DirectoryErrors.invalidValue("groupTypes", GROUP, "'" + types.get(0).stringValue() + "' is not"
                    + " supported; use [\"Unified\"] for a Microsoft 365 group or [] for a security group.");
        }
        return true;
    }

    private static String visibility(JsonNode body) {
        String visibility = optionalString(body, "visibility");
        if (visibility == null) {
            return "Public"; // Graph's default for a Microsoft 365 group created without one.
        }
        return switch (visibility.toLowerCase(Locale.ROOT)) {
            case "public" -> "Public";
            case "private" -> "Private";
            default -> throw DirectoryErrors.invalidValue("visibility", GROUP, "Use Public or Private"
                    + " (the sandbox does not simulate HiddenMembership).");
        };
    }

    private static List<String> binds(JsonNode body, String property) {
        JsonNode value = body.get(property);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw DirectoryErrors.invalidValue(property, GROUP, "It must be an array of URLs.");
        }
        List<String> binds = new ArrayList<>();
        for (JsonNode bind : value.values()) {
            if (!bind.isString() || SandboxDirectory.bindKey(bind.stringValue()).isEmpty()) {
                throw DirectoryErrors.badRequest("Invalid object identifier '" + (bind.isString() ? bind.stringValue() : bind)
                        + "' in " + property + ": use https://graph.microsoft.com/v1.0/users/{id} or"
                        + " https://graph.microsoft.com/v1.0/directoryObjects/{id}.");
            }
            binds.add(bind.stringValue());
        }
        return binds;
    }

    private static String requiredString(JsonNode body, String property) {
        String value = optionalString(body, property);
        if (value == null) {
            throw DirectoryErrors.invalidValue(property, GROUP, "It is required.");
        }
        return value;
    }

    private static String optionalString(JsonNode body, String property) {
        JsonNode value = body.get(property);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw DirectoryErrors.invalidValue(property, GROUP, "It must be a string.");
        }
        return value.stringValue();
    }

    private static boolean requiredBoolean(JsonNode body, String property) {
        JsonNode value = body.get(property);
        if (value == null || value.isNull()) {
            throw DirectoryErrors.invalidValue(property, GROUP, "It is required.");
        }
        if (!value.isBoolean()) {
            throw DirectoryErrors.invalidValue(property, GROUP, "It must be true or false.");
        }
        return value.booleanValue();
    }
}
