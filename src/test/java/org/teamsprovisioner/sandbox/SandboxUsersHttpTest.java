package org.teamsprovisioner.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** GET /users/{id | userPrincipalName} against the default sandbox directory. */
class SandboxUsersHttpTest {

    private final RunningSandbox sandbox = new RunningSandbox(Map.of(
            "provisioner.sandbox.clients[0].client-id", "sandbox-client",
            "provisioner.sandbox.clients[0].client-secret", "sandbox-secret",
            "provisioner.sandbox.clients[0].roles", "Team.Create,Group.ReadWrite.All,User.Read.All",
            "provisioner.sandbox.clients[1].client-id", "team-creator",
            "provisioner.sandbox.clients[1].client-secret", "creator-secret",
            "provisioner.sandbox.clients[1].roles", "Team.Create",
            "provisioner.sandbox.clients[2].client-id", "directory-reader",
            "provisioner.sandbox.clients[2].client-secret", "reader-secret",
            "provisioner.sandbox.clients[2].roles", "Directory.Read.All"));
    private final String token = sandbox.graphToken();

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(quoteCharacter = '"', textBlock = """
            /users/a11ce000-0000-4000-8000-000000000001,                 a11ce000-0000-4000-8000-000000000001, Alice Wong
            /users('a11ce000-0000-4000-8000-000000000001'),              a11ce000-0000-4000-8000-000000000001, Alice Wong
            /users/A11CE000-0000-4000-8000-000000000001,                 a11ce000-0000-4000-8000-000000000001, Alice Wong
            /users/alice@contoso.com,                                    a11ce000-0000-4000-8000-000000000001, Alice Wong
            /users('ALICE@Contoso.com'),                                 a11ce000-0000-4000-8000-000000000001, Alice Wong
            /users/bob@contoso.com,                                      b0b00000-0000-4000-8000-000000000002, Bob Kelly
            /users/carol@contoso.com,                                    ca201000-0000-4000-8000-000000000003, Carol Dubois
            /users('jacob@contoso.com'),                                 0040b377-61d8-43db-94f5-81374122dc7e, Jacob Hancock
            "/users('o''brien@contoso.com')",                            0b71e000-0000-4000-8000-000000000005, Siobhán O'Brien
            /users/guest_fabrikam.com%23EXT%23@contoso.onmicrosoft.com,  9e570000-0000-4000-8000-000000000006, Grace Guest (Fabrikam)
            """)
    void userIsFoundByObjectIdOrUserPrincipalNameInAnyCaseAndEitherPathForm(String path, String id, String displayName) {
        JsonNode user = GraphCalls.json(GraphCalls.get(sandbox, token, path), 200);

        assertThat(user.get("id").stringValue()).isEqualTo(id);
        assertThat(user.get("displayName").stringValue()).isEqualTo(displayName);
        assertThat(user.get("@odata.context").stringValue())
                .isEqualTo("https://graph.microsoft.com/v1.0/$metadata#users/$entity");
    }

    @Test
    void withoutSelectOnlyGraphsElevenDefaultPropertiesAreReturned() {
        JsonNode alice = GraphCalls.json(GraphCalls.get(sandbox, token, "/users/alice@contoso.com"), 200);

        assertThat(names(alice)).containsExactly("@odata.context", "businessPhones", "displayName", "givenName",
                "jobTitle", "mail", "mobilePhone", "officeLocation", "preferredLanguage", "surname", "userPrincipalName",
                "id");
        assertThat(alice.get("mail").stringValue()).isEqualTo("alice@contoso.com");
        assertThat(alice.get("jobTitle").stringValue()).isEqualTo("Engineering Manager");
        assertThat(alice.get("officeLocation").stringValue()).isEqualTo("Building 1 / 1100");
        assertThat(alice.get("mobilePhone").isNull()).isTrue();
        assertThat(alice.has("department")).as("department needs $select in v1.0").isFalse();
    }

    @Test
    void selectReturnsExactlyTheNamingPolicyAttributes() {
        JsonNode alice = GraphCalls.json(GraphCalls.get(sandbox, token,
                "/users/alice@contoso.com?$select=department,companyName,officeLocation,state,country,jobTitle,userType"),
                200);

        assertThat(names(alice)).containsExactly("@odata.context", "department", "companyName", "officeLocation",
                "state", "country", "jobTitle", "userType");
        assertThat(alice.get("@odata.context").stringValue()).isEqualTo("https://graph.microsoft.com/v1.0/$metadata"
                + "#users(department,companyName,officeLocation,state,country,jobTitle,userType)/$entity");
        assertThat(alice.get("department").stringValue()).isEqualTo("Engineering");
        assertThat(alice.get("companyName").stringValue()).isEqualTo("Contoso Ltd");
        assertThat(alice.get("state").stringValue()).isEqualTo("WA");
        assertThat(alice.get("country").stringValue()).isEqualTo("United States");
        assertThat(alice.get("userType").stringValue()).isEqualTo("Member");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(textBlock = """
            $select=Department,                 department,     Engineering
            select=department,                  department,     Engineering
            %24select=usageLocation,            usageLocation,  US
            $select=*,                          accountEnabled, true
            """)
    void selectIsCaseInsensitiveAndTheDollarIsOptional(String query, String property, String value) {
        JsonNode alice = GraphCalls.json(GraphCalls.get(sandbox, token, "/users/alice@contoso.com?" + query), 200);

        assertThat(alice.get(property).asString()).isEqualTo(value);
    }

    @Test
    void guestHasTheExtUserPrincipalNameAndTheHomeTenantMail() {
        JsonNode guest = GraphCalls.json(GraphCalls.get(sandbox, token,
                "/users/9e570000-0000-4000-8000-000000000006?$select=userPrincipalName,mail,userType,companyName,"
                        + "externalUserState"), 200);

        assertThat(guest.get("userPrincipalName").stringValue()).isEqualTo("guest_fabrikam.com#EXT#@contoso.onmicrosoft.com");
        assertThat(guest.get("mail").stringValue()).isEqualTo("guest@fabrikam.com");
        assertThat(guest.get("userType").stringValue()).isEqualTo("Guest");
        assertThat(guest.get("companyName").stringValue()).isEqualTo("Fabrikam");
        assertThat(guest.get("externalUserState").stringValue()).isEqualTo("Accepted");
    }

    @Test
    void memberWithoutDepartmentAnswersAnExplicitNull() {
        JsonNode dave = GraphCalls.json(GraphCalls.get(sandbox, token, "/users/dave@contoso.com?$select=department,jobTitle"),
                200);

        assertThat(dave.has("department")).isTrue();
        assertThat(dave.get("department").isNull()).isTrue();
        assertThat(dave.get("jobTitle").stringValue()).isEqualTo("Consultant");
    }

    @ParameterizedTest
    @CsvSource(quoteCharacter = '"', textBlock = """
            /users/nobody@contoso.com,                        nobody@contoso.com
            /users('00000000-0000-4000-8000-00000000dead'),   00000000-0000-4000-8000-00000000dead
            /users/alice@fabrikam.com,                        alice@fabrikam.com
            """)
    void unknownUserIsRequestResourceNotFound(String path, String key) {
        JsonNode error = GraphCalls.error(GraphCalls.get(sandbox, token, path), 404, "Request_ResourceNotFound");

        assertThat(error.get("message").stringValue()).isEqualTo("Resource '" + key
                + "' does not exist or one of its queried reference-property objects are not present.");
    }

    @Test
    void unknownSelectedPropertyIsABadRequest() {
        JsonNode error = GraphCalls.error(GraphCalls.get(sandbox, token, "/users/alice@contoso.com?$select=id,shoeSize"),
                400, "Request_BadRequest");

        assertThat(error.get("message").stringValue())
                .isEqualTo("Could not find a property named 'shoeSize' on type 'microsoft.graph.user'.");
    }

    @Test
    void appWithoutAUserReadPermissionIsForbidden() {
        String teamCreator = sandbox.graphToken("team-creator", "creator-secret");

        JsonNode error = GraphCalls.error(GraphCalls.get(sandbox, teamCreator, "/users/alice@contoso.com"), 403,
                "Authorization_RequestDenied");

        assertThat(error.get("message").stringValue()).contains("User.Read.All").contains("Roles on the request 'Team.Create'");
    }

    @Test
    void directoryReadAllIsEnoughToReadUsers() {
        String reader = sandbox.graphToken("directory-reader", "reader-secret");

        JsonNode bob = GraphCalls.json(GraphCalls.get(sandbox, reader, "/users/bob@contoso.com?$select=department"), 200);

        assertThat(bob.get("department").stringValue()).isEqualTo("Sales");
    }

    @Test
    void listingUsersWithoutFilterAnswersTheWholeDirectoryWithDefaultProperties() {
        JsonNode users = GraphCalls.json(GraphCalls.get(sandbox, token, "/users"), 200);

        assertThat(users.get("@odata.context").stringValue()).isEqualTo("https://graph.microsoft.com/v1.0/$metadata#users");
        assertThat(users.get("value").size()).isEqualTo(7);
        assertThat(users.get("value").get(0).has("department")).isFalse();
        assertThat(users.get("value").get(0).has("@odata.context")).isFalse();
    }

    @Test
    void aConfiguredDirectoryReplacesTheDefaultOne() {
        try (RunningSandbox custom = new RunningSandbox(Map.of(
                "provisioner.sandbox.directory.users[0].id", "11111111-2222-4333-8444-555555555555",
                "provisioner.sandbox.directory.users[0].user-principal-name", "zoe@fabrikam.com",
                "provisioner.sandbox.directory.users[0].display-name", "Zoe Fabrikam",
                "provisioner.sandbox.directory.users[0].department", "Research"))) {
            String customToken = custom.graphToken();

            JsonNode zoe = GraphCalls.json(GraphCalls.get(custom, customToken,
                    "/users/ZOE@fabrikam.com?$select=id,department,userType,mail,accountEnabled"), 200);
            assertThat(zoe.get("id").stringValue()).isEqualTo("11111111-2222-4333-8444-555555555555");
            assertThat(zoe.get("department").stringValue()).isEqualTo("Research");
            assertThat(zoe.get("userType").stringValue()).isEqualTo("Member");
            assertThat(zoe.get("mail").stringValue()).isEqualTo("zoe@fabrikam.com");
            assertThat(zoe.get("accountEnabled").booleanValue()).isTrue();

            GraphCalls.error(GraphCalls.get(custom, customToken, "/users/alice@contoso.com"), 404,
                    "Request_ResourceNotFound");
        }
    }

    private static List<String> names(JsonNode json) {
        return new ArrayList<>(json.propertyNames());
    }
}
