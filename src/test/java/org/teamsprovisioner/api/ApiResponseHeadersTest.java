package org.teamsprovisioner.api;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.teamsprovisioner.support.SandboxH2Test;

/** The service's responses carry Spring Security's default headers, answered or refused alike; no test held them before. */
class ApiResponseHeadersTest extends SandboxH2Test {

    private static void securityHeaders(WebTestClient.ResponseSpec response) {
        response.expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "no-cache, no-store, max-age=0, must-revalidate")
                .expectHeader().valueEquals(HttpHeaders.PRAGMA, "no-cache")
                .expectHeader().valueEquals(HttpHeaders.EXPIRES, "0")
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                .expectHeader().valueEquals("X-Frame-Options", "DENY")
                .expectHeader().valueEquals("X-XSS-Protection", "0")
                .expectHeader().valueEquals("Referrer-Policy", "no-referrer")
                .expectHeader().doesNotExist("Strict-Transport-Security"); // plain http here
    }

    @Test
    void answeredRefusedAndUnknownPathsCarryTheSecurityHeaders() {
        String token = tokenFor("alice@contoso.com");
        securityHeaders(http().get().uri("/api/v1/team-requests").headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isOk());
        securityHeaders(http().get().uri("/api/v1/team-requests").exchange().expectStatus().isUnauthorized());
        securityHeaders(http().get().uri("/api/v1/team-requests/{id}", UUID.randomUUID()).headers(h -> h.setBearerAuth(token))
                .exchange().expectStatus().isNotFound());
        securityHeaders(http().get().uri("/no-such-path").exchange().expectStatus().isNotFound());
    }
}
