package org.teamsprovisioner.security;

import org.springframework.boot.security.autoconfigure.actuate.web.reactive.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.firewall.ServerWebExchangeFirewall;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import tools.jackson.databind.json.JsonMapper;

/**
 * Deny by default: the API under {@code /api/**} for admitted callers, actuator where it is served,
 * the simulator's paths in the sandbox, and a 404 problem for every other path, so that an endpoint
 * added later is never public by accident.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class SecurityConfiguration {

    /** Before Spring Security's filter, so its 401 and 403 carry the id too. */
    @Bean
    CorrelationIds correlationIds() {
        return new CorrelationIds();
    }

    /** Spring Security's strict firewall, its header rules checked without regular expressions (see HeaderCharacters). */
    @Bean
    ServerWebExchangeFirewall firewall() {
        StrictServerWebExchangeFirewall firewall = new StrictServerWebExchangeFirewall();
        firewall.setAllowedHeaderNames(HeaderCharacters.NAMES);
        firewall.setAllowedHeaderValues(HeaderCharacters.VALUES);
        return firewall;
    }

    /** WebFluxSecurityConfiguration hands this to its firewall, whose own answer is an empty 400. */
    @Bean
    ServerExchangeRejectedHandler problemForRejectedRequests(JsonMapper json, JwtProperties properties) {
        ProblemSecurityHandlers problems = new ProblemSecurityHandlers(json, properties);
        return (exchange, rejected) -> problems.rejected(exchange);
    }

    /**
     * Actuator endpoints, open to whoever reaches them. In prod they are served on the management port
     * only ({@code management.server.port}), which is not published outside the cluster; EndpointRequest
     * matches them only on the port that serves them, so on the API port they are unknown paths. The
     * sandbox keeps them on its one port.
     */
    @Bean
    @Order(1)
    SecurityWebFilterChain managementSecurity(ServerHttpSecurity http) {
        return stateless(http.securityMatcher(EndpointRequest.toAnyEndpoint()))
                .authorizeExchange(exchanges -> exchanges.anyExchange().permitAll())
                .build();
    }

    /**
     * The sandbox's simulated Entra ID and Graph check their own tokens, as the real ones do; the
     * paths exist only when the sandbox profile is active.
     */
    @Bean
    @Order(2)
    @Profile("sandbox")
    SecurityWebFilterChain sandboxSecurity(ServerHttpSecurity http) {
        // The simulator, and the API's OpenAPI document and Swagger UI (springdoc serves them in the sandbox only).
        return stateless(http.securityMatcher(ServerWebExchangeMatchers.pathMatchers("/sandbox/**", "/v3/api-docs", "/v3/api-docs/**",
                        "/v3/api-docs.yaml", "/swagger-ui.html", "/swagger-ui/**", "/webjars/**")))
                .authorizeExchange(exchanges -> exchanges.anyExchange().permitAll())
                .build();
    }

    /** The page every problem's type points to: documentation, open to anyone who can reach the API. */
    @Bean
    @Order(3)
    SecurityWebFilterChain problemPageSecurity(ServerHttpSecurity http) {
        return stateless(http.securityMatcher(ServerWebExchangeMatchers.pathMatchers(HttpMethod.GET, ProblemTypes.PAGE)))
                .authorizeExchange(exchanges -> exchanges.anyExchange().permitAll())
                .build();
    }

    /**
     * First, since chains are tried in order and nearly every request is an API call: behind the
     * actuator's chain, each call was first tested against every endpoint's path ({@code EndpointRequest}
     * is one matcher per endpoint), and each test formats a debug message whether or not debug is on
     * (commons-logging's SLF4J bridge renders it eagerly, spring-framework#37266). No other chain's
     * paths lie under {@code /api}.
     */
    @Bean
    @Order(0)
    SecurityWebFilterChain apiSecurity(ServerHttpSecurity http, JsonMapper json, JwtProperties properties) {
        ProblemSecurityHandlers problems = new ProblemSecurityHandlers(json, properties);
        return stateless(http.securityMatcher(ServerWebExchangeMatchers.pathMatchers("/api/**")))
                .authorizeExchange(exchanges -> exchanges.anyExchange().access(new CallerPermissions(properties)))
                .oauth2ResourceServer(server -> server
                        .bearerTokenConverter(new BearerTokens())
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(authentication()))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(handling -> handling.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .build();
    }

    /** Every other path: refused before any handler runs, answered as if it did not exist. */
    @Bean
    @Order(4)
    SecurityWebFilterChain everythingElse(ServerHttpSecurity http, JsonMapper json, JwtProperties properties) {
        ProblemSecurityHandlers problems = new ProblemSecurityHandlers(json, properties);
        return stateless(http)
                .authorizeExchange(exchanges -> exchanges.anyExchange().denyAll())
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint((exchange, failure) -> problems.notFound(exchange))
                        .accessDeniedHandler((exchange, denied) -> problems.notFound(exchange)))
                .build();
    }

    /** A bearer-token API: no sessions, cookies, CSRF tokens or login pages. */
    private static ServerHttpSecurity stateless(ServerHttpSecurity http) {
        return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(cache -> cache.disable())
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance());
    }

    /** Entra ID puts app roles in the {@code roles} claim; they become {@code ROLE_<name>} authorities. */
    private static ReactiveJwtAuthenticationConverterAdapter authentication() {
        var roles = new JwtGrantedAuthoritiesConverter();
        roles.setAuthoritiesClaimName("roles");
        roles.setAuthorityPrefix("ROLE_");
        var converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(roles);
        return new ReactiveJwtAuthenticationConverterAdapter(converter);
    }
}
