package org.teamsprovisioner.api;

import java.net.URI;
import java.util.List;
import java.util.UUID;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.teamsprovisioner.webhooks.ListSubscriptions;
import org.teamsprovisioner.webhooks.ReadDeliveries;
import org.teamsprovisioner.webhooks.RedeliverWebhook;
import org.teamsprovisioner.webhooks.RotateWebhookSecret;
import org.teamsprovisioner.webhooks.SubscribeToEvents;
import org.teamsprovisioner.webhooks.Unsubscribe;
import reactor.core.publisher.Mono;

/**
 * {@code /api/v1/webhooks}: an application's subscriptions to the events of the requests it may
 * see. Changing them needs the webhooks app role (403 without); anyone else's are not found (404).
 */
@RestController
@RequestMapping(path = "/api/v1/webhooks", produces = {MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
class WebhooksController {

    private final SubscribeToEvents subscribe;
    private final ListSubscriptions list;
    private final Unsubscribe unsubscribe;
    private final RotateWebhookSecret rotate;
    private final ReadDeliveries deliveries;
    private final RedeliverWebhook redeliver;
    private final Callers callers;

    WebhooksController(SubscribeToEvents subscribe, ListSubscriptions list, Unsubscribe unsubscribe, RotateWebhookSecret rotate,
            ReadDeliveries deliveries, RedeliverWebhook redeliver, Callers callers) {
        this.subscribe = subscribe;
        this.list = list;
        this.unsubscribe = unsubscribe;
        this.rotate = rotate;
        this.deliveries = deliveries;
        this.redeliver = redeliver;
        this.callers = callers;
    }

    /** 201 with the subscription and its secret, which no later answer shows again. */
    @Operation(description = "Subscribes a URL to event types of the requests the caller may see (webhooks role); the answer shows the signing secret, once.")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<WebhookViews.SubscriptionView>> subscribe(@RequestBody WebhookViews.SubscriptionBody body,
            @AuthenticationPrincipal JwtAuthenticationToken caller) {
        return Mono.fromCallable(() -> new SubscribeToEvents.Command(callers.subscriber(caller), body.url(),
                        body.types() == null ? List.of() : body.types()))
                .flatMap(subscribe::subscribe)
                .map(created -> ResponseEntity.created(URI.create("/api/v1/webhooks/" + created.id()))
                        .body(WebhookViews.SubscriptionView.of(created, true)));
    }

    @Operation(description = "The caller's subscriptions, and with the read-all role those made in configuration; no secrets.")
    @GetMapping
    Mono<WebhookViews.SubscriptionList> subscriptions(@AuthenticationPrincipal JwtAuthenticationToken caller) {
        return list.list(callers.subscriber(caller)).map(s -> WebhookViews.SubscriptionView.of(s, false)).collectList()
                .map(WebhookViews.SubscriptionList::new);
    }

    @Operation(description = "One of the caller's subscriptions, with its status (DISABLED after a 410).")
    @GetMapping("/{id}")
    Mono<WebhookViews.SubscriptionView> subscription(@PathVariable String id, @AuthenticationPrincipal JwtAuthenticationToken caller) {
        return list.find(parseId(id), callers.subscriber(caller)).map(s -> WebhookViews.SubscriptionView.of(s, false))
                .switchIfEmpty(Mono.error(() -> notVisible(id)));
    }

    @Operation(description = "Deletes the caller's subscription and its pending deliveries (webhooks role).")
    @DeleteMapping("/{id}")
    Mono<ResponseEntity<Void>> unsubscribe(@PathVariable String id, @AuthenticationPrincipal JwtAuthenticationToken caller) {
        return unsubscribe.unsubscribe(parseId(id), callers.subscriber(caller))
                .map(deleted -> ResponseEntity.noContent().<Void>build())
                .switchIfEmpty(Mono.error(() -> notVisible(id)));
    }

    /** A new secret, shown once; the previous one signs too for {@code provisioner.webhooks.secret-overlap}. */
    @Operation(description = "A new signing secret, shown once; the previous one keeps signing beside it for the overlap (webhooks role).")
    @PostMapping("/{id}/rotate-secret")
    Mono<WebhookViews.SubscriptionView> rotateWebhookSecret(@PathVariable String id, @AuthenticationPrincipal JwtAuthenticationToken caller) {
        return rotate.rotate(parseId(id), callers.subscriber(caller)).map(s -> WebhookViews.SubscriptionView.of(s, true))
                .switchIfEmpty(Mono.error(() -> notVisible(id)));
    }

    /** The subscription's latest deliveries (newest first) with their recent attempts. */
    @Operation(description = "The subscription's latest deliveries, newest first, with status, latency and their recent attempts.")
    @GetMapping("/{id}/deliveries")
    Mono<WebhookViews.DeliveryList> webhookDeliveries(@PathVariable String id, @RequestParam(required = false) String limit,
            @AuthenticationPrincipal JwtAuthenticationToken caller) {
        return Mono.fromCallable(() -> TeamRequestController.parseLimit(limit))
                .flatMap(pageSize -> deliveries.recent(parseId(id), callers.subscriber(caller), pageSize))
                .map(histories -> new WebhookViews.DeliveryList(histories.stream().map(WebhookViews.DeliveryView::of).toList()))
                .switchIfEmpty(Mono.error(() -> notVisible(id)));
    }

    /** 202: a finished delivery goes out again, same webhook-id and body; 409 while it is still pending. */
    @Operation(description = "Sends a finished delivery again with the same webhook-id and body (webhooks role); 409 while pending.")
    @PostMapping("/{id}/deliveries/{deliveryId}/redeliver")
    Mono<ResponseEntity<WebhookViews.DeliveryView>> redeliverWebhook(@PathVariable String id, @PathVariable String deliveryId,
            @AuthenticationPrincipal JwtAuthenticationToken caller) {
        return redeliver.redeliver(parseId(id), deliveryId, callers.subscriber(caller))
                .map(delivery -> ResponseEntity.accepted().body(WebhookViews.DeliveryView.of(delivery, List.of())))
                .switchIfEmpty(Mono.error(() -> new NotFoundException("No delivery " + deliveryId + " of subscription " + id
                        + " is visible to the caller")));
    }

    private static UUID parseId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException notAUuid) {
            throw notVisible(id);
        }
    }

    private static NotFoundException notVisible(String id) {
        return new NotFoundException("No webhook subscription " + id + " is visible to the caller");
    }
}
