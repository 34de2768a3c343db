package org.teamsprovisioner.graph;

import io.netty.channel.ChannelOption;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
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
    GraphClient graphClient(WebClient.Builder builder, GraphProperties properties, Clock clock) {
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
        return new GraphClient(web, properties, clock);
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
