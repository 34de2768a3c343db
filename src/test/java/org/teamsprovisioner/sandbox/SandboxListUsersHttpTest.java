package org.teamsprovisioner.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.util.UriUtils;
import org.teamsprovisioner.sandbox.http.SandboxJson;

import static org.assertj.core.api.Assertions.assertThat;

/** GET /users?$filter=... in (...): resolving many users by userPrincipalName or id in one call. */
class SandboxListUsersHttpTest {

    private static final String ALICE = "a11ce000-0000-4000-8000-000000000001";
    private static final String BOB = "b0b00000-0000-4000-8000-000000000002";

    private final RunningSandbox sandbox = new RunningSandbox(Map.of(
            "provisioner.sandbox.clients[0].client-id", "sandbox-client",
            "provisioner.sandbox.clients[0].client-secret", "sandbox-secret",
            "provisioner.sandbox.clients[0].roles", "User.Read.All",
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

    /** GET /users with the query written as a client writes it, each option's value percent-encoded. */
    private WebTestClient.ResponseSpec list(String filter, String select, String... headers) {
        StringBuilder query = new StringBuilder("?$filter=").append(UriUtils.encodeQueryParam(filter, "UTF-8"));
        if (select != null) {
            query.append("&$select=").append(select);
        }
        WebTestClient.RequestHeadersSpec<?> request = sandbox.client.get()
                .uri(sandbox.graph("/users" + query))
                .header("Authorization", "Bearer " + token);
        for (int i = 0; i < headers.length; i += 2) {
            request = request.header(headers[i], headers[i + 1]);
        }
        return request.exchange();
    }

    private static String in(String property, List<String> values) {
        return property + " in (" + values.stream().map(value -> "'" + value.replace("'", "''") + "'")
                .collect(Collectors.joining(",")) + ")";
    }

    private static List<String> upns(int count) {
        List<String> upns = new ArrayList<>(List.of("alice@contoso.com", "bob@contoso.com"));
        IntStream.range(upns.size(), count).forEach(i -> upns.add("absent" + i + "@contoso.com"));
        return upns;
    }

    private static List<String> ids(JsonNode users) {
        List<String> ids = new ArrayList<>();
        users.get("value").forEach(user -> ids.add(user.get("id").stringValue()));
        return ids;
    }

    @Test
    void userPrincipalNameInFilterAnswersTheKnownUsersWithTheSelectedPropertiesAndLeavesTheUnknownOut() {
        JsonNode users = GraphCalls.json(list("userPrincipalName in ('alice@contoso.com','nobody@contoso.com',"
                + "'BOB@Contoso.com','o''brien@contoso.com')", "id,userPrincipalName"), 200);

        assertThat(users.get("@odata.context").stringValue())
                .isEqualTo("https://graph.microsoft.com/v1.0/$metadata#users(id,userPrincipalName)");
        assertThat(ids(users)).containsExactly(ALICE, BOB, "0b71e000-0000-4000-8000-000000000005");
        JsonNode alice = users.get("value").get(0);
        assertThat(alice.propertyNames()).containsExactly("id", "userPrincipalName");
        assertThat(alice.get("userPrincipalName").stringValue()).isEqualTo("alice@contoso.com");
        assertThat(users.has("@odata.count")).isFalse();
        assertThat(sandbox.state().at("/counters/callsByRoute").get("GET /users 200").longValue()).isEqualTo(1);
    }

    @Test
    void idInFilterMatchesObjectIdsInAnyCase() {
        JsonNode users = GraphCalls.json(list("id in ('" + BOB.toUpperCase() + "', '" + ALICE + "',"
                + " '00000000-0000-4000-8000-00000000dead')", "id,displayName"), 200);

        assertThat(ids(users)).containsExactly(ALICE, BOB);
    }

    @Test
    void equalityAndOrAreAcceptedToo() {
        JsonNode users = GraphCalls.json(list("userPrincipalName eq 'carol@contoso.com' or id eq '" + ALICE + "'",
                "id"), 200);

        assertThat(ids(users)).containsExactly(ALICE, "ca201000-0000-4000-8000-000000000003");
    }

    @Test
    void fifteenValuesAreTheLimitWithoutAdvancedQueryParameters() {
        JsonNode fifteen = GraphCalls.json(list(in("userPrincipalName", upns(15)), "id"), 200);
        assertThat(ids(fifteen)).containsExactly(ALICE, BOB);

        JsonNode error = GraphCalls.error(list(in("userPrincipalName", upns(16)), "id"), 400, "Request_UnsupportedQuery");

        assertThat(error.get("message").stringValue()).isEqualTo("Too many child clauses specified in search filter"
                + " expression containing 'OR' operators: 16. Max allowed: 15.");
    }

    @Test
    void orClausesCountTowardsTheFifteenToo() {
        String sixteen = upns(16).stream().map(upn -> "userPrincipalName eq '" + upn + "'")
                .collect(Collectors.joining(" or "));

        GraphCalls.error(list(sixteen, "id"), 400, "Request_UnsupportedQuery");
    }

    @Test
    void advancedQueryParametersLiftTheFifteenUntilTheUrlReaches2048Characters() {
        WebTestClient.ResponseSpec forty = sandbox.client.get()
                .uri(sandbox.graph("/users?$count=true&$select=id&$filter="
                        + UriUtils.encodeQueryParam(in("userPrincipalName", upns(40)), "UTF-8")))
                .header("Authorization", "Bearer " + token)
                .header("ConsistencyLevel", "eventual")
                .exchange();
        JsonNode users = GraphCalls.json(forty, 200);
        assertThat(ids(users)).containsExactly(ALICE, BOB);
        assertThat(users.get("@odata.count").intValue()).isEqualTo(2);

        // Without $count=true the header alone is no advanced query.
        GraphCalls.error(list(in("userPrincipalName", upns(40)), "id", "ConsistencyLevel", "eventual"), 400,
                "Request_UnsupportedQuery");

        WebTestClient.ResponseSpec tooLong = sandbox.client.get()
                .uri(sandbox.graph("/users?$count=true&$select=id&$filter="
                        + UriUtils.encodeQueryParam(in("userPrincipalName", upns(100)), "UTF-8")))
                .header("Authorization", "Bearer " + token)
                .header("ConsistencyLevel", "eventual")
                .exchange();
        assertThat(GraphCalls.error(tooLong, 400, "Request_UnsupportedQuery").get("message").stringValue())
                .contains("2048 characters");
    }

    @Test
    void filterOnAnotherPropertyIsAnUnsupportedQueryNamingWhatIsSupported() {
        JsonNode error = GraphCalls.error(list("department eq 'Sales'", null), 400, "Request_UnsupportedQuery");

        assertThat(error.get("message").stringValue()).contains("id and userPrincipalName");
    }

    @Test
    void undoubledQuoteIsABadRequest() {
        JsonNode error = GraphCalls.error(list("userPrincipalName eq 'o'brien@contoso.com'", null), 400,
                "Request_BadRequest");

        assertThat(error.get("message").stringValue()).startsWith("Invalid filter clause");
    }

    @Test
    void unknownSelectedPropertyIsABadRequest() {
        GraphCalls.error(list("id eq '" + ALICE + "'", "id,shoeSize"), 400, "Request_BadRequest");
    }

    @Test
    void listingUsersNeedsAUserReadRole() {
        String creator = sandbox.graphToken("team-creator", "creator-secret");

        GraphCalls.error(sandbox.get(creator, sandbox.graph("/users")), 403, "Authorization_RequestDenied");
    }

    @Test
    void inFilterWorksInsideABatchWithTheUrlWrittenUnencoded() {
        ObjectNode body = SandboxJson.object();
        body.putArray("requests").addObject()
                .put("id", "owners")
                .put("method", "GET")
                .put("url", "/users?$select=id,userPrincipalName&$filter=" + in("userPrincipalName",
                        List.of("alice@contoso.com", "nobody@contoso.com")));

        JsonNode answer = GraphCalls.json(GraphCalls.post(sandbox, token, "/$batch", SandboxJson.write(body)), 200);

        JsonNode owners = answer.get("responses").get(0);
        assertThat(owners.get("status").intValue()).isEqualTo(200);
        assertThat(ids(owners.get("body"))).containsExactly(ALICE);
        assertThat(sandbox.state().at("/counters/callsByRoute").get("GET /users 200").longValue()).isEqualTo(1);
    }

    private WebTestClient.ResponseSpec getByIds(String token, String path, List<String> ids) {
        ObjectNode body = SandboxJson.object();
        ids.forEach(body.putArray("ids")::add);
        body.putArray("types").add("user");
        return GraphCalls.post(sandbox, token, path, SandboxJson.write(body));
    }

    @Test
    void getByIdsAnswersTheUsersFoundTypedAndInTheOrderAsked() {
        String reader = sandbox.graphToken("directory-reader", "reader-secret");

        JsonNode objects = GraphCalls.json(getByIds(reader, "/directoryObjects/getByIds?$select=id,userPrincipalName",
                List.of(BOB, "00000000-0000-4000-8000-00000000dead", ALICE, BOB.toUpperCase())), 200);

        assertThat(objects.get("@odata.context").stringValue())
                .isEqualTo("https://graph.microsoft.com/v1.0/$metadata#directoryObjects");
        assertThat(ids(objects)).containsExactly(BOB, ALICE);
        assertThat(objects.get("value").get(0).propertyNames()).containsExactly("@odata.type", "id", "userPrincipalName");
        assertThat(objects.get("value").get(0).get("@odata.type").stringValue()).isEqualTo("#microsoft.graph.user");
        assertThat(sandbox.state().at("/counters/callsByRoute").get("POST /directoryObjects/getByIds 200").longValue())
                .isEqualTo(1);
    }

    @Test
    void getByIdsNeedsDirectoryReadAllWhichUserReadAllIsNot() {
        GraphCalls.error(getByIds(token, "/directoryObjects/getByIds", List.of(ALICE)), 403, "Authorization_RequestDenied");
    }

    @Test
    void getByIdsTakesAThousandIdsAndRefusesMore() {
        String reader = sandbox.graphToken("directory-reader", "reader-secret");
        List<String> thousand = IntStream.range(0, 1000)
                .mapToObj(i -> String.format("00000000-0000-4000-8000-%012d", i)).collect(Collectors.toList());

        GraphCalls.json(getByIds(reader, "/directoryObjects/getByIds", thousand), 200);
        thousand.add(ALICE);
        JsonNode error = GraphCalls.error(getByIds(reader, "/directoryObjects/getByIds", thousand), 400,
                "Request_BadRequest");

        assertThat(error.get("message").stringValue()).contains("1001").contains("up to 1000");
    }

    @Test
    void getByIdsRefusesAUserPrincipalNameAsAnInvalidObjectIdentifier() {
        String reader = sandbox.graphToken("directory-reader", "reader-secret");

        JsonNode error = GraphCalls.error(getByIds(reader, "/directoryObjects/getByIds", List.of("alice@contoso.com")),
                400, "Request_BadRequest");

        assertThat(error.get("message").stringValue()).isEqualTo("Invalid object identifier 'alice@contoso.com'.");
    }
}
