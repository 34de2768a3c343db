package org.teamsprovisioner.graph;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import io.netty.channel.ChannelOption;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.oauth2.client.endpoint.WebClientReactiveClientCredentialsTokenResponseClient;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.netty.http.client.HttpClient;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
class GraphClientConfiguration {

    @Bean
    WorkloadPauses graphWorkloadPauses(GraphProperties properties, GraphPacingProperties pacing, DatabaseClient db, Clock clock,
            MeterRegistry meters) {
        return new WorkloadPauses(new R2dbcGraphWorkloadStore(db), pacing, properties.tenantId(), clock, meters);
    }

    @Bean
    GraphPacing graphPacing(GraphProperties properties, GraphPacingProperties pacing, WorkloadPauses pauses, DatabaseClient db,
            Clock clock) {
        return new GraphPacing(new R2dbcGraphWorkloadStore(db), pauses, pacing, properties.tenantId(), clock);
    }

    @Bean
    GraphGuards graphGuards(WorkloadPauses pauses, GraphRetryProperties retry, CircuitBreakerRegistry breakers, RetryRegistry retries) {
        // The breakers are configured under resilience4j.circuitbreaker.* in application.yml, one per
        // workload; the retry needs code (Retry-After decides its wait), so it is built from
        // provisioner.graph.retry.* and registered for Resilience4j's metrics.
        return new GraphGuards(pauses, workload -> breakers.circuitBreaker(GraphGuards.breakerName(workload)),
                retries.retry(GraphGuards.READ_RETRY, GraphGuards.readRetry(retry)), retry.initialBackoff());
    }

    @Bean
    GraphClient graphClient(WebClient.Builder builder, GraphProperties properties, Clock clock, GraphGuards guards, JsonMapper json,
            MeterRegistry meters) {
        ReactorClientHttpConnector connector = connector(properties);
        GraphCredential credential = GraphCredential.of(properties, clock);
        var tokenClient = new WebClientReactiveClientCredentialsTokenResponseClient();
        tokenClient.setWebClient(WebClient.builder().clientConnector(connector).filter(new TokenRequestCounter(meters)).build());
        tokenClient.addParametersConverter(GraphCredentialGrantRequest::parametersOf);
        GraphTokens tokens = new GraphTokens(tokenClient, registration(properties, credential), credential, clock,
                properties.tokenRefreshBefore());
        WebClient web = builder.clone()
                .clientConnector(connector)
                .filter(new GraphTokenFilter(tokens))
                // Inside the token filter: it sees the call as it goes on the wire, once per try.
                .filter(new GraphCallRecorder(meters, properties.baseUrl().getPath()))
                .build();
        return new GraphClient(web, properties, clock, guards, json);
    }

    @Bean
    TeamBodies teamBodies(GraphProperties properties) {
        return new TeamBodies(properties.root());
    }

    @Bean
    GraphTeamCreation graphTeamCreation(GraphClient graph, TeamBodies bodies) {
        return new GraphTeamCreation(graph, bodies);
    }

    @Bean
    GraphTeamProgress graphTeamProgress(GraphClient graph) {
        return new GraphTeamProgress(graph);
    }

    @Bean
    GraphCallPacing graphCallPacing(GraphPacing pacing) {
        return new GraphCallPacing(pacing);
    }

    @Bean
    DirectoryReader directoryReader(GraphClient graph, DirectoryCacheProperties cache, MeterRegistry meters) {
        DirectoryReader reader = new DirectoryReader(graph, cache);
        // cache_gets_total{cache="graph-directory",result="hit|miss"}: the hit ratio of the policy's user lookups.
        CaffeineCacheMetrics.monitor(meters, reader.cache(), "graph-directory");
        return reader;
    }

    private static ClientRegistration registration(GraphProperties properties, GraphCredential credential) {
        return ClientRegistration.withRegistrationId(GraphTokenFilter.REGISTRATION_ID)
                .clientId(properties.clientId())
                .clientSecret(credential instanceof ClientSecretCredential ? properties.clientSecret() : null)
                .clientAuthenticationMethod(credential.method())
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
