/**
 * The gate between an authenticated Graph call and its handling
 * ({@link org.teamsprovisioner.sandbox.throttling.GraphGate}): throttling as "Microsoft Graph
 * service-specific throttling limits" and the "Microsoft Graph throttling guidance" describe it (a
 * token bucket per app per tenant per route class, a 429 with Retry-After, and a call made before
 * the Retry-After elapsed blocked again), then injected 503/504 faults and latency, reproducible
 * from a seed; and the forms a Retry-After takes
 * ({@link org.teamsprovisioner.sandbox.throttling.RetryAfterFormat}, RFC 9110).
 */
package org.teamsprovisioner.sandbox.throttling;
