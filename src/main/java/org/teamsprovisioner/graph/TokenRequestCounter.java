package org.teamsprovisioner.graph;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;
import reactor.core.publisher.Mono;

/**
 * Counts token requests to Entra ID by HTTP status: with one request at a time per registration
 * (GraphTokens), a healthy replica asks about once an hour; a climbing count means tokens are
 * rejected (401 from Graph) or requests fail.
 */
final class TokenRequestCounter implements ExchangeFilterFunction {

    private final MeterRegistry meters;

    TokenRequestCounter(MeterRegistry meters) {
        this.meters = meters;
    }

    @Override
    public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
        return next.exchange(request)
                .doOnNext(response -> count(String.valueOf(response.statusCode().value())))
                .doOnError(error -> count("IO_ERROR"));
    }

    private void count(String status) {
        Counter.builder("provisioner.graph.token.requests")
                .description("Token requests to Microsoft Entra ID for the Graph app registration, by HTTP status")
                .tag("status", status)
                .register(meters)
                .increment();
    }
}
