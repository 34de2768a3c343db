package org.teamsprovisioner.sandbox.directory;

import java.util.List;
import java.util.Set;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.teamsprovisioner.sandbox.settings.SandboxProperties.User;
import org.teamsprovisioner.sandbox.http.SandboxJson;
import org.teamsprovisioner.sandbox.tenant.SandboxGroup;

/**
 * The JSON of Graph's user and group resources. Each entity is first written with every
 * property the sandbox knows (unset ones as explicit nulls, as Graph answers them) and then
 * projected by {@link ODataSelect}.
 */
final class DirectoryRepresentations {

    /**
     * What GET /users/{id} returns without $select in v1.0, per the user resource doc ("Returned
     * by default"). Everything else, department and companyName included, needs $select.
     */
    static final Set<String> USER_DEFAULTS = Set.of("businessPhones", "displayName", "givenName", "jobTitle", "mail",
            "mobilePhone", "officeLocation", "preferredLanguage", "surname", "userPrincipalName", "id");

    private DirectoryRepresentations() {
    }

    static ObjectNode user(User user, List<String> selected, String version) {
        return ODataSelect.project(fullUser(user), USER_DEFAULTS, selected, version, "users", "user");
    }

    /** A user of a List users answer: the selected (or default) properties, no context of its own. */
    static ObjectNode userInCollection(User user, List<String> selected) {
        return ODataSelect.projectMember(fullUser(user), USER_DEFAULTS, selected, "user");
    }

    /**
     * List users' {@code @odata.context}: {@code .../$metadata#users} or, with $select,
     * {@code .../$metadata#users(id,userPrincipalName)} (JSON batching doc, example response).
     * The names come from a template user, so an empty answer has the same context.
     */
    static String usersContext(List<String> selected, String version) {
        return ODataSelect.collectionContext(fullUser(TEMPLATE_USER), USER_DEFAULTS, selected, version, "users", "user");
    }

    /** Only its property names matter. */
    static final User TEMPLATE_USER = new User("00000000-0000-4000-8000-000000000000", "template@invalid",
            "template", null, null, null, null, null, null, null, null, null, null, "Member", true);

    /** Every user property the sandbox serves, default ones first in Graph's order. */
    static ObjectNode fullUser(User user) {
        ObjectNode json = SandboxJson.object();
        json.putArray("businessPhones");
        json.put("displayName", user.displayName());
        json.put("givenName", user.givenName());
        json.put("jobTitle", user.jobTitle());
        json.put("mail", user.mail());
        json.putNull("mobilePhone");
        json.put("officeLocation", user.officeLocation());
        json.putNull("preferredLanguage");
        json.put("surname", user.surname());
        json.put("userPrincipalName", user.userPrincipalName());
        json.put("id", user.id());
        json.put("accountEnabled", user.accountEnabled());
        json.putNull("city");
        json.put("companyName", user.companyName());
        json.put("country", user.country());
        json.putNull("createdDateTime");
        json.put("creationType", user.guest() ? "Invitation" : null);
        json.put("department", user.department());
        json.putNull("employeeId");
        json.put("externalUserState", user.guest() ? "Accepted" : null);
        json.put("mailNickname", user.userPrincipalName().substring(0, user.userPrincipalName().lastIndexOf('@')));
        json.putArray("otherMails");
        json.putNull("postalCode");
        json.put("state", user.state());
        json.putNull("streetAddress");
        json.put("usageLocation", user.usageLocation());
        json.put("userType", user.userType());
        return json;
    }

    /** A user among directoryObjects (getByIds): typed, with the selected or default properties. */
    static ObjectNode typedUser(User user, List<String> selected) {
        ObjectNode json = SandboxJson.object();
        json.put("@odata.type", "#microsoft.graph.user");
        json.setAll(userInCollection(user, selected));
        return json;
    }

    /** A directoryObject in a collection (owners, members): typed, default properties. */
    static ObjectNode directoryObject(User user) {
        ObjectNode full = fullUser(user);
        ObjectNode json = SandboxJson.object();
        json.put("@odata.type", "#microsoft.graph.user");
        full.propertyNames().stream().filter(USER_DEFAULTS::contains).forEach(name -> json.set(name, full.get(name)));
        return json;
    }

    /**
     * The group resource with the properties Graph returns by default (Create group answers
     * "only the default properties"). {@code resourceProvisioningOptions} becomes
     * {@code ["Team"]} once the group's team exists.
     */
    static ObjectNode group(SandboxGroup group, boolean hasTeam) {
        ObjectNode json = SandboxJson.object();
        json.put("id", group.id());
        json.putNull("deletedDateTime");
        json.putNull("classification");
        json.put("createdDateTime", SandboxJson.seconds(group.createdAt()));
        json.putArray("creationOptions");
        json.put("description", group.description());
        json.put("displayName", group.displayName());
        json.putNull("expirationDateTime");
        strings(json.putArray("groupTypes"), group.groupTypes());
        json.putNull("isAssignableToRole");
        json.put("mail", group.mail());
        json.put("mailEnabled", group.unified());
        json.put("mailNickname", group.mailNickname());
        json.putNull("membershipRule");
        json.putNull("membershipRuleProcessingState");
        json.putNull("onPremisesSyncEnabled");
        json.putNull("preferredDataLocation");
        ArrayNode proxies = json.putArray("proxyAddresses");
        if (group.mail() != null) {
            proxies.add("SMTP:" + group.mail());
        }
        json.put("renewedDateTime", SandboxJson.seconds(group.createdAt()));
        json.putArray("resourceBehaviorOptions");
        strings(json.putArray("resourceProvisioningOptions"), hasTeam ? List.of("Team") : List.of());
        json.put("securityEnabled", group.securityEnabled());
        json.putNull("theme");
        json.put("visibility", group.visibility());
        json.putArray("onPremisesProvisioningErrors");
        return json;
    }

    static ObjectNode groupEntity(SandboxGroup group, boolean hasTeam, String version) {
        ObjectNode json = SandboxJson.object();
        json.put("@odata.context", "https://graph.microsoft.com/" + version + "/$metadata#groups/$entity");
        json.setAll(group(group, hasTeam));
        return json;
    }

    /** Create group's answer also carries the entity's {@code @odata.id}, as in its doc example 2. */
    static ObjectNode createdGroup(SandboxGroup group, String tenantId, String version) {
        ObjectNode json = SandboxJson.object();
        json.put("@odata.context", "https://graph.microsoft.com/" + version + "/$metadata#groups/$entity");
        json.put("@odata.id", groupLocation(group, tenantId));
        json.setAll(group(group, false));
        return json;
    }

    /**
     * Where Graph says a new group lives: Create group's {@code Location} and {@code @odata.id}
     * point at the directory's own v2 URL, not at /v1.0/groups/{id}; clients should use the id.
     */
    static String groupLocation(SandboxGroup group, String tenantId) {
        return "https://graph.microsoft.com/v2/" + tenantId + "/directoryObjects/" + group.id()
                + "/Microsoft.DirectoryServices.Group";
    }

    /** An OData collection: {@code @odata.context} and {@code value}. */
    static ObjectNode collection(String version, String context, List<ObjectNode> values) {
        ObjectNode json = SandboxJson.object();
        json.put("@odata.context", "https://graph.microsoft.com/" + version + "/$metadata#" + context);
        ArrayNode array = json.putArray("value");
        values.forEach(array::add);
        return json;
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }
}
