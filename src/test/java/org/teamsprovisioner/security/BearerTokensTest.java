package org.teamsprovisioner.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

class BearerTokensTest {

    private static final String JWT = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJlLXdpdGgtLV8tYW5kLV9fc2xhc2hlcw";

    @Test
    void aBearerHeaderGivesItsToken() {
        assertThat(BearerTokens.token("Bearer " + JWT)).isEqualTo(JWT);
    }

    @Test
    void theSchemeIsCaseInsensitiveAndPaddingIsPartOfTheToken() {
        assertThat(BearerTokens.token("bearer a-b.c_d~e+f/g==")).isEqualTo("a-b.c_d~e+f/g==");
        assertThat(BearerTokens.token("BEARER x")).isEqualTo("x");
    }

    @Test
    void noHeaderOrAnotherSchemeIsNoToken() {
        assertThat(BearerTokens.token(null)).isNull();
        assertThat(BearerTokens.token("")).isNull();
        assertThat(BearerTokens.token("Basic YWxpY2U6c2VjcmV0")).isNull();
        assertThat(BearerTokens.token("Bear x")).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bearer", "Bearer ", "Bearer  x", "Bearer x y", "Bearer x,y", "Bearer =", "Bearer a=b", "Bearer x ",
            "Bearerx", "Bearer\tx", "Bearer é", "Bearer x\n"})
    void aMalformedBearerTokenIsAnInvalidToken(String header) {
        assertThatThrownBy(() -> BearerTokens.token(header))
                .isInstanceOf(InvalidBearerTokenException.class)
                .satisfies(e -> assertThat(((OAuth2AuthenticationException) e).getError().getErrorCode()).isEqualTo("invalid_token"));
    }
}
