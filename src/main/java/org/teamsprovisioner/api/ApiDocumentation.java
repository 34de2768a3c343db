package org.teamsprovisioner.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.OAuthFlow;
import io.swagger.v3.oas.models.security.OAuthFlows;
import io.swagger.v3.oas.models.security.Scopes;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.tags.Tag;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.teamsprovisioner.provisioning.ReadTeamRequests;
import org.teamsprovisioner.provisioning.RequestStatus;

/**
 * The OpenAPI 3.1 document of {@code /api/v1}, as springdoc derives it from the controllers, with
 * what code cannot say: the Entra ID security schemes, the {@code Idempotency-Key} header, the
 * problem documents of every refusal, and a request example for each case of Microsoft's Create team
 * documentation a portal can ask for. Kept out of the controllers so they stay HTTP mapping only.
 * Committed as {@code docs/openapi.yaml}; {@code OpenApiDocumentTest} fails when they differ.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    static final String SUBMIT = "/api/v1/team-requests";
    private static final Map<String, String> DESCRIPTIONS = Map.of(
            "policy", "The organisation's policy as forms need it: naming prefix and suffix, owner and member limits, allowed "
                    + "templates and visibilities, locked settings.",
            "page", "The caller's requests, newest first, a page at a time (a read-all role sees everyone's).",
            "submit", "Checks the request against Teams' limits and the policy, stores it and answers 202 at once; the team is "
                    + "created in the background. Every problem is listed in one 422. With an Idempotency-Key a repeat creates nothing.",
            "preview", "What submitting this body would do, without doing it: the policy's verdict, the final name and the exact "
                    + "Graph request.",
            "one", "A request's status, with the team id and link once Graph created it, or the error.",
            "cancel", "Withdraws a request before any Graph call was made (its requester, or the manage-all role).",
            "retry", "Puts a FAILED request back to work (its requester, or the manage-all role).",
            "history", "Who did what to a request and when, oldest first, a page at a time: submitted (with the policy-applied "
                    + "name), each step reached, Graph's answers that matter (team id, operation status, retries), retry, cancel, "
                    + "succeeded or failed with the error. Visible to whoever may read the request. With Accept: text/event-stream "
                    + "the same events live as Server-Sent Events (id, event = type, data = the event's JSON), from Last-Event-ID "
                    + "or after, ending after the terminal event; a comment line every 15 s keeps it open.");
    static final String PREVIEW = "/api/v1/team-requests/preview";

    @Bean
    OpenAPI teamsProvisionerApi() {
        // The submit handler reads its headers as a whole to find the Idempotency-Key, which is documented by itself.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(HttpHeaders.class);
        return new OpenAPI()
                // Relative: the document holds for every deployment, whatever its host.
                .servers(List.of(new Server().url("/").description("this service")))
                .info(new Info()
                        .title("teams-provisioner")
                        .version("v1")
                        .description("Portals submit simplified team requests; the service checks them against the organisation's "
                                + "policy, creates the team through Microsoft Graph in the background and reports progress. "
                                + "See docs/api.md for the flow and docs/problems.md for every problem type.")
                        .contact(new Contact().name("The platform team that runs teams-provisioner"))
                        .license(new License().name("Internal API")))
                .addTagsItem(new Tag().name("team-requests").description("Submit, preview, follow, retry and cancel team requests"))
                .addTagsItem(new Tag().name("policy").description("The organisation's rules, for forms"))
                .addTagsItem(new Tag().name("webhooks").description("Signed CloudEvents of team requests, pushed to subscribers' URLs"))
                .components(new Components()
                        .addSecuritySchemes("entra", new SecurityScheme()
                                .type(SecurityScheme.Type.OAUTH2)
                                .description("Microsoft Entra ID access token for this API's app registration (docs/security.md): "
                                        + "a user token with the delegated scope, or an app-only token with the app role. For app-only "
                                        + "tokens use your tenant's token endpoint in place of organizations.")
                                .flows(new OAuthFlows()
                                        .authorizationCode(new OAuthFlow()
                                                .authorizationUrl("https://login.microsoftonline.com/organizations/oauth2/v2.0/authorize")
                                                .tokenUrl("https://login.microsoftonline.com/organizations/oauth2/v2.0/token")
                                                .scopes(new Scopes().addString("api://teams-provisioner/TeamRequests.ReadWrite",
                                                        "Submit and follow your own team requests")))
                                        .clientCredentials(new OAuthFlow()
                                                .tokenUrl("https://login.microsoftonline.com/organizations/oauth2/v2.0/token")
                                                .scopes(new Scopes().addString("api://teams-provisioner/.default",
                                                        "The app roles granted to the calling application"))))))
                .addSecurityItem(new SecurityRequirement().addList("entra"));
    }

    @Bean
    OpenApiCustomizer problemsAndExamples() {
        return api -> {
            // Here, not on the OpenAPI bean: springdoc sets the component schemas it derives over the bean's.
            api.getComponents().addSchemas("Problem", problemSchema());
            api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
                operation.setTags(List.of(path.startsWith("/api/v1/policy") ? "policy" : path.startsWith("/api/v1/webhooks") ? "webhooks" : "team-requests"));
                operation.setDescription(DESCRIPTIONS.getOrDefault(operation.getOperationId(), operation.getDescription()));
                // Controllers produce problem+json only for errors, which are documented below.
                operation.getResponses().forEach((status, response) -> {
                    if (status.startsWith("2") && response.getContent() != null) {
                        response.getContent().remove("application/problem+json");
                    }
                });
                addProblems(operation, method, path);
            }));
            describeRequestBody(api.getComponents().getSchemas().get("TeamRequestBody"));
            PathItem list = api.getPaths().get(SUBMIT);
            if (list != null && list.getGet() != null) {
                describeListParameters(list.getGet());
            }
            PathItem history = api.getPaths().get(SUBMIT + "/{id}/events");
            if (history != null && history.getGet() != null) {
                // springdoc merges the JSON and the event-stream handler into one operation, named after the last one.
                history.getGet().operationId("history").description(DESCRIPTIONS.get("history"));
                describeHistoryParameters(history.getGet());
                describeEventStream(history.getGet());
                api.getComponents().getSchemas().remove("ServerSentEventEventView");
            }
            PathItem submit = api.getPaths().get(SUBMIT);
            if (submit != null && submit.getPost() != null) {
                submit.getPost().addParametersItem(idempotencyKey());
                ApiResponses responses = submit.getPost().getResponses();
                // springdoc cannot see the 202 inside ResponseEntity.accepted().
                ApiResponse ok = responses.remove("200");
                responses.addApiResponse("202", new ApiResponse()
                        .description("Accepted: stored with its job; provisioning runs in the background. A repeat with the "
                                + "same Idempotency-Key and body gets this answer again, for the request the first call created.")
                        .content(ok == null ? null : ok.getContent()));
                responses.get("202").addHeaderObject("Location", new Header().description("The request's status monitor, to follow it")
                                .schema(new Schema<String>().type("string").format("uri-reference")));
                addExamples(submit.getPost());
            }
            PathItem one = api.getPaths().get(SUBMIT + "/{id}");
            if (one != null && one.getGet() != null && one.getGet().getResponses().get("200") != null) {
                one.getGet().getResponses().get("200").addHeaderObject("Retry-After", new Header()
                        .description("While the request is ACCEPTED or PROVISIONING: seconds until its next step is due and has run, "
                                + "the pace to poll at; absent once it is terminal")
                        .schema(new Schema<Integer>().type("integer").minimum(java.math.BigDecimal.ONE)));
            }
            PathItem preview = api.getPaths().get(PREVIEW);
            if (preview != null && preview.getPost() != null) {
                addExamples(preview.getPost());
            }
        };
    }

    /** What each field of a team request means; GET /api/v1/policy gives the organisation's limits and choices. */
    private static void describeRequestBody(Schema<?> body) {
        if (body == null || body.getProperties() == null) {
            return;
        }
        // Unknown fields are refused (spring.jackson.deserialization.fail-on-unknown-properties), so typos surface.
        body.setAdditionalProperties(false);
        Map<String, String> descriptions = new LinkedHashMap<>();
        descriptions.put("displayName", "The team's name before the naming policy adds its prefix and suffix; required "
                + "unless existingGroupId is given");
        descriptions.put("description", "The team's description");
        descriptions.put("visibility", "private or public; the policy's default when absent");
        descriptions.put("template", "A Teams template id the policy allows; the policy's default when absent");
        descriptions.put("owners", "Owners by object id or user principal name; the policy sets how many and whether the caller "
                + "must be one");
        descriptions.put("members", "Members by object id or user principal name");
        descriptions.put("channels", "Channels besides General, by display name");
        descriptions.put("existingGroupId", "Turn this Microsoft 365 group into a team instead of creating one; the caller must "
                + "own the group");
        descriptions.put("settings", "memberSettings, guestSettings, funSettings, messagingSettings, discoverySettings as in "
                + "Graph's team resource; settings the policy locks cannot be changed");
        descriptions.forEach((field, text) -> {
            Schema<?> property = body.getProperties().get(field);
            if (property != null) {
                property.setDescription(text);
            }
        });
    }

    private static void describeListParameters(Operation page) {
        for (var parameter : page.getParameters()) {
            switch (parameter.getName()) {
                case "status" -> parameter.description("Only requests in this status").schema(new Schema<String>().type("string")
                        ._enum(java.util.Arrays.stream(RequestStatus.values()).map(Enum::name).toList()));
                case "limit" -> parameter.description("Page size").schema(new Schema<Integer>().type("integer")
                        .minimum(java.math.BigDecimal.ONE).maximum(java.math.BigDecimal.valueOf(ReadTeamRequests.MAX_PAGE_SIZE))
                        ._default(20));
                case "cursor" -> parameter.description("The `next` of the previous page; opaque");
                default -> {
                }
            }
        }
    }

    private static void describeHistoryParameters(Operation history) {
        for (var parameter : history.getParameters()) {
            switch (parameter.getName()) {
                case "after" -> parameter.description("The `next` of the previous page: the id of the last event already seen")
                        .schema(new Schema<Long>().type("integer").format("int64").minimum(java.math.BigDecimal.ZERO));
                case "limit" -> parameter.description("Page size").schema(new Schema<Integer>().type("integer")
                        .minimum(java.math.BigDecimal.ONE).maximum(java.math.BigDecimal.valueOf(ReadTeamRequests.MAX_PAGE_SIZE))
                        ._default(20));
                default -> {
                }
            }
        }
    }

    /** An event stream is text, one SSE event per history event; its data is the EventView the JSON page lists. */
    private static void describeEventStream(Operation history) {
        var ok = history.getResponses().get("200");
        if (ok != null && ok.getContent() != null && ok.getContent().get("text/event-stream") != null) {
            ok.getContent().get("text/event-stream").schema(new Schema<String>().type("string").description(
                    "Server-Sent Events: per event `id: <event id>`, `event: <type>`, `data: <EventView JSON>`; comment lines "
                            + "(`:heartbeat`) while nothing happens; the stream ends after the terminal event"));
        }
        for (var parameter : history.getParameters()) {
            if ("Last-Event-ID".equals(parameter.getName())) {
                parameter.description("Event streams only: the id of the last event received; sent by EventSource on reconnect, "
                        + "it wins over after").schema(new Schema<String>().type("string").pattern("^[0-9]+$"));
            }
        }
    }

    private static HeaderParameter idempotencyKey() {
        HeaderParameter key = new HeaderParameter();
        key.setName(IdempotencyKeys.HEADER);
        key.setRequired(false);
        key.setDescription("draft-ietf-httpapi-idempotency-key-header: a repeat with the same key and body gets the first "
                + "request's answer (nothing is created twice); the same key with another body is refused with 422.");
        key.setSchema(new Schema<String>().type("string").maxLength(255));
        key.setExample("\"8e03978e-40d5-43e8-bc93-6894a57f9324\"");
        return key;
    }

    /** The refusals each operation can answer, as problem documents (RFC 9457). */
    private static void addProblems(Operation operation, PathItem.HttpMethod method, String path) {
        ApiResponses responses = operation.getResponses();
        Map<String, String> problems = new LinkedHashMap<>();
        problems.put("400", "Unreadable body or a bad parameter; `violations` names the field");
        problems.put("401", "No bearer token, or one that is expired or not for this API");
        problems.put("403", "The token lacks the scope or app role this call needs");
        if (path.contains("{id}")) {
            problems.put("404", "No such request visible to the caller");
        }
        if (method == PathItem.HttpMethod.POST) {
            problems.put("409", "The request is in a state that does not allow this, or its Idempotency-Key is still being processed");
            problems.put("413", "The body is larger than the API accepts");
            problems.put("415", "The body is not application/json");
            problems.put("422", "The request breaks Teams' limits or the organisation's policy; `violations` lists every problem");
            problems.put("429", "Too many calls from this caller; retry after `Retry-After` seconds");
            problems.put("503", "The directory could not be read; nothing was stored; retry after `Retry-After` seconds");
        }
        problems.forEach((status, description) -> {
            if (!responses.containsKey(status)) {
                responses.addApiResponse(status, new ApiResponse().description(description)
                        .content(new Content().addMediaType("application/problem+json",
                                new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem")))));
            }
        });
    }

    private static Schema<?> problemSchema() {
        Schema<Object> violation = new Schema<>().type("object")
                .addProperty("rule", new Schema<String>().type("string").description("stable rule code, e.g. naming.blockedWord"))
                .addProperty("field", new Schema<String>().type("string").description("JSON Pointer into the request body"))
                .addProperty("message", new Schema<String>().type("string"));
        return new Schema<>().type("object")
                .description("RFC 9457 problem details")
                .addProperty("type", new Schema<String>().type("string").format("uri-reference"))
                .addProperty("title", new Schema<String>().type("string"))
                .addProperty("status", new Schema<Integer>().type("integer"))
                .addProperty("detail", new Schema<String>().type("string"))
                .addProperty("instance", new Schema<String>().type("string").format("uri-reference"))
                .addProperty("violations", new Schema<>().type("array").items(violation));
    }

    /**
     * Microsoft's Create team examples as portal requests. Examples 2 and 10 differ only in how the
     * owner is named (object id, user principal name); 9 (migration mode) is the organisation's
     * choice (provisioner.policy.creation-mode), not a portal's.
     */
    private static void addExamples(Operation operation) {
        MediaType json = operation.getRequestBody().getContent().get("application/json");
        Map<String, Example> examples = new LinkedHashMap<>();
        examples.put("basic", example("Example 1: a standard team", ordered(
                "displayName", "My Sample Team", "description", "My Sample Team's Description",
                "owners", List.of("alice@contoso.com", "bob@contoso.com"))));
        examples.put("ownerById", example("Example 2: the owner named by object id", ordered(
                "displayName", "My Sample Team", "description", "My Sample Team's Description",
                "owners", List.of("0040b377-61d8-43db-94f5-81374122dc7e", "bob@contoso.com"))));
        examples.put("channelsAndSettings", example("Example 3: channels and member, fun and discovery settings", ordered(
                "displayName", "My Sample Team", "description", "My Sample Team's Description", "visibility", "private",
                "owners", List.of("alice@contoso.com", "bob@contoso.com"), "members", List.of("carol@contoso.com"),
                "channels", List.of(ordered("displayName", "Announcements 📢", "description", "Important announcements",
                                "favoriteByDefault", true),
                        ordered("displayName", "Training 🏋️", "description", "Training videos")),
                "settings", ordered("memberSettings", ordered("allowCreateUpdateChannels", false),
                        "funSettings", ordered("allowGiphy", true, "giphyContentRating", "strict")))));
        examples.put("fromGroup", example("Examples 4 and 5: turn a Microsoft 365 group the caller owns into a team", ordered(
                "existingGroupId", "71392b2f-1765-406e-86af-5907d9bdb2ab",
                "owners", List.of("alice@contoso.com", "bob@contoso.com"),
                "channels", List.of(ordered("displayName", "Class Announcements 📢", "favoriteByDefault", true)))));
        examples.put("template", example("Examples 6 to 8: a non-standard base template the policy allows", ordered(
                "displayName", "Library Team", "description", "Team for those in charge of the library",
                "template", "com.microsoft.teams.template.ManageAProject",
                "owners", List.of("alice@contoso.com", "bob@contoso.com"))));
        examples.put("ownerByUpn", example("Example 10: owners by user principal name", ordered(
                "displayName", "My Sample Team", "owners", List.of("jacob@contoso.com", "alice@contoso.com"))));
        json.setExamples(examples);
    }

    private static Example example(String summary, Map<String, Object> value) {
        return new Example().summary(summary).value(value);
    }

    /** Members in the order written: the committed document must come out the same on every run. */
    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
