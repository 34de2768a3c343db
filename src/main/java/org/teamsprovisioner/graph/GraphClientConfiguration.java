package org.teamsprovisioner.graph;

import io.netty.channel.ChannelOption;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.oauth2.client.AuthorizedClientServiceReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.ClientCredentialsReactiveOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.InMemoryReactiveOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.endpoint.WebClientReactiveClientCredentialsTokenResponseClient;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.netty.http.client.HttpClient;

@Configuration(proxyBeanMethods = false)
class GraphClientConfiguration {

    @Bean
    GraphGuards graphGuards(GraphProperties properties, GraphRetryProperties retry, DatabaseClient db, Clock clock,
            CircuitBreakerRegistry breakers, RetryRegistry retries, RateLimiterRegistry limiters) {
        // Breaker and write limiter are configured under resilience4j.* in application.yml; the retry needs
        // code (Retry-After decides its wait), so it is built from provisioner.graph.retry.* and registered
        // for Resilience4j's metrics.
        return new GraphGuards(
                new TenantThrottle(new R2dbcGraphThrottleStore(db), properties.tenantId(), clock),
                breakers.circuitBreaker(GraphGuards.BREAKER),
                retries.retry(GraphGuards.READ_RETRY, GraphGuards.readRetry(retry)),
                limiters.rateLimiter(GraphGuards.WRITE_LIMITER),
                retry.initialBackoff());
    }

    @Bean
    GraphClient graphClient(WebClient.Builder builder, GraphProperties properties, Clock clock, GraphGuards guards) {
        ReactorClientHttpConnector connector = connector(properties);
        var registrations = new InMemoryReactiveClientRegistrationRepository(registration(properties));
        ReactiveOAuth2AuthorizedClientService cache = new InMemoryReactiveOAuth2AuthorizedClientService(registrations);
        var tokenClient = new WebClientReactiveClientCredentialsTokenResponseClient();
        tokenClient.setWebClient(WebClient.builder().clientConnector(connector).build());
        var provider = new ClientCredentialsReactiveOAuth2AuthorizedClientProvider();
        provider.setAccessTokenResponseClient(tokenClient);
        var manager = new AuthorizedClientServiceReactiveOAuth2AuthorizedClientManager(registrations, cache);
        manager.setAuthorizedClientProvider(provider);
        WebClient web = builder.clone()
                .clientConnector(connector)
                .filter(new GraphTokenFilter(manager, cache))
                .build();
        return new GraphClient(web, properties, clock, guards);
    }

    private static ClientRegistration registration(GraphProperties properties) {
        return ClientRegistration.withRegistrationId(GraphTokenFilter.REGISTRATION_ID)
                .clientId(properties.clientId())
                .clientSecret(properties.clientSecret())
                // Entra ID's documented form for the client-credentials grant: secret in the body.
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .scope(properties.scope())
                .tokenUri(properties.resolvedTokenUri())
                .build();
    }

    private static ReactorClientHttpConnector connector(GraphProperties properties) {
        HttpClient http = HttpClient.create()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) properties.connectTimeout().toMillis())
                .responseTimeout(properties.responseTimeout());
        return new ReactorClientHttpConnector(http);
    }
}
