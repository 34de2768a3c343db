package org.teamsprovisioner.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpHeaders;
import org.teamsprovisioner.support.RunningService;
import org.teamsprovisioner.support.SharedTenant;
import tools.jackson.databind.JsonNode;

/**
 * Entra ID's and Graph's error text names client ids, tenants and hosts: a failed request's view says
 * what happened in a stable code and a sentence, and the text itself goes to the log.
 */
@ExtendWith(OutputCaptureExtension.class)
class GraphErrorTextTest {

    @Test
    void requestFailedByEntraRefusingTheServicesSecretShowsNoEntraText(CapturedOutput output) {
        try (SharedTenant tenant = new SharedTenant(List.of(), Map.of("provisioner.provisioning.retry-max-attempts", 2))) {
            // The request is checked and stored by a replica whose credentials work; its job runs on one
            // whose client secret Entra no longer knows (a rotation gone wrong).
            RunningService api = tenant.replica(Map.of("provisioner.jobs.enabled", false));
            String token = tenant.userToken("alice@contoso.com");
            String location = api.submit(token, "{\"displayName\":\"Rotated secret\",\"owners\":[\"alice@contoso.com\"]}")
                    .expectStatus().isAccepted()
                    .returnResult(Void.class).getResponseHeaders().getFirst(HttpHeaders.LOCATION);
            tenant.replica(Map.of("PROVISIONER_GRAPH_CLIENT_SECRET", "rotated-away"));

            JsonNode failed = api.awaitEnd(token, location);

            assertThat(failed.get("status").asString()).isEqualTo("FAILED");
            assertThat(failed.at("/error/code").asString()).isEqualTo("TokenRequestFailed");
            assertThat(failed.at("/error/message").asString())
                    .isEqualTo("Gave up after 2 tries: The service could not sign in to Microsoft Graph; its operators must check its credentials.");
            assertThat(failed.toString()).doesNotContain("AADSTS", "sandbox-client", "invalid_client", "localhost");
            assertThat(output).contains("AADSTS7000215").contains("sandbox-client");
        }
    }
}
