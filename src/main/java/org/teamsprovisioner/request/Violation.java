package org.teamsprovisioner.request;

/**
 * One thing wrong with a request.
 *
 * @param rule a stable identifier portals can key translations on, e.g. {@code owners.required}
 * @param field JSON Pointer (RFC 6901) into the submitted body, e.g. {@code /channels/0/displayName}
 */
public record Violation(String rule, String field, String message) {
}
